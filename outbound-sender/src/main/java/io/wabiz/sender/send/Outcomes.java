package io.wabiz.sender.send;

import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.MetaErrorHelp;
import io.wabiz.sender.accounts.AccountRegistry;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.graph.MetaErrors;
import io.wabiz.sender.graph.MetaErrors.Verdict;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a send came to, as the event the platform hears ({@link MessageAccepted} or {@link MessageRejected}),
 * logged and counted. An answer that stops the whole number (token, policy block) pauses it here.
 */
final class Outcomes {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final AccountRegistry accounts;
    private final SendMetrics metrics;
    private final int maxAttempts;
    private final Clock clock;

    Outcomes(AccountRegistry accounts, SendMetrics metrics, int maxAttempts, Clock clock) {
        this.accounts = accounts;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** The outcome of Meta's last answer to the send (or of its silence). */
    TopicRecord of(SendMessage command, SendForm form, OutboundContent content, GraphResult result) {
        String number = command.businessPhoneNumberId();
        return switch (result) {
            case GraphResult.Ok ok -> {
                String wamid = ok.body().path("messages").path(0).path("id").asString(null);
                metrics.sent(number, form);
                log.info("Sent command {} to {} as {}: {}", command.id(),
                        PhoneMasking.mask(command.recipientWaId()), form, wamid);
                yield new MessageAccepted(UUID.randomUUID().toString(), clock.instant(), command.id(),
                        command.idempotencyKey(), number, command.recipientWaId(), wamid, form, content,
                        command.correlation(), command.replyToWamid());
            }
            case GraphResult.Failed failed -> {
                GraphResult.GraphError error = failed.error();
                if (MetaErrors.pausesAccount(error.code())) {
                    accounts.pause(number, error.code(), error.message());
                    metrics.accountAlert(number, error.code());
                    log.error("ALERT business number {} paused: Meta error {} {}", number, error.code(),
                            error.message());
                }
                String reason = error.details() != null ? error.message() + ": " + error.details() : error.message();
                yield rejected(command, error.code(), MetaErrorHelp.title(error.code(), error.type()), reason,
                        MetaErrorHelp.helpText(error.code()), RetryPolicy.verdict(failed) != Verdict.PERMANENT,
                        content);
            }
            case GraphResult.Unanswered none -> rejected(command, MessageSender.PLATFORM_CODE,
                    "No answer from Meta", none.reason() + " (after " + maxAttempts + " attempts)",
                    "Meta could not be reached for a while: the sender retried. Check the conversation, "
                            + "then send the command again with a new idempotency key if the message is missing.",
                    true, content);
        };
    }

    MessageRejected rejected(SendMessage command, int code, String title, String reason, String help,
                             boolean retryable, OutboundContent content) {
        metrics.rejected(command.businessPhoneNumberId(), code);
        log.warn("Rejected command {} to {}: {} {} - {}", command.id(), PhoneMasking.mask(command.recipientWaId()),
                code, title, reason);
        return new MessageRejected(UUID.randomUUID().toString(), clock.instant(), command.id(),
                command.idempotencyKey(), command.businessPhoneNumberId(), command.recipientWaId(), code, title,
                reason, help, retryable, content, command.correlation());
    }
}
