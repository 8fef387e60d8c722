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
    private final java.time.Duration giveUpAfter;
    private final Clock clock;

    Outcomes(AccountRegistry accounts, SendMetrics metrics, java.time.Duration giveUpAfter, Clock clock) {
        this.accounts = accounts;
        this.metrics = metrics;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
    }

    /**
     * The outcome of Meta's last answer to the send, or of its silence: unknown when the request may have
     * reached Meta ({@link GraphResult.NoAnswer}).
     */
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
            case GraphResult.NoAnswer none -> unknown(command, content, "the request reached Meta (or may have) but "
                    + "no answer came (" + none.reason() + "); it is not sent again, as that could duplicate it");
            case GraphResult.NotSent notSent -> rejected(command, MessageSender.PLATFORM_CODE, "No answer from Meta",
                    notSent.reason() + " (retried for " + giveUpAfter.toSeconds() + " s; nothing reached Meta)",
                    "Meta could not be reached for a while and nothing was sent: the sender retried. Send the "
                            + "command again with a new idempotency key once Meta is reachable.",
                    true, content);
        };
    }

    /**
     * A send that may or may not have reached Meta. Not retryable by itself: the status webhook carrying its
     * key settles it (a {@link MessageAccepted} follows), or it is announced unresolved later.
     */
    MessageRejected unknown(SendMessage command, OutboundContent content, String reason) {
        return rejected(command, MessageSender.PLATFORM_CODE, MessageSender.OUTCOME_UNKNOWN, reason,
                "Outcome unknown - check the conversation before resending: the message may or may not have "
                        + "reached the customer. If Meta has it, its first status settles it as accepted; resend "
                        + "with a new idempotency key only if it did not arrive.", false, content);
    }

    /** The acceptance a status webhook would confirm for an unknown send (its id, time and wamid come then). */
    MessageAccepted acceptedIfSeen(SendMessage command, SendForm form, OutboundContent content) {
        return new MessageAccepted(null, null, command.id(), command.idempotencyKey(),
                command.businessPhoneNumberId(), command.recipientWaId(), null, form, content, command.correlation(),
                command.replyToWamid());
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
