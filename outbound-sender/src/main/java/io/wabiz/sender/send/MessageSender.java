package io.wabiz.sender.send;

import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.MarkMessageRead;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.MetaErrorHelp;
import io.wabiz.sender.RecordPublisher;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.Account;
import io.wabiz.sender.accounts.AccountRegistry;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.graph.MessageBodies;
import io.wabiz.sender.graph.MetaErrors;
import io.wabiz.sender.templates.TemplateCatalog;
import io.wabiz.sender.window.ConversationWindows;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one command to Meta and publishes its outcome: exactly once per idempotency key, in the form the
 * customer's window allows, within the number's rate, retrying what cannot duplicate it ({@link RetryPolicy})
 * and explaining what cannot pass ({@link Outcomes}). A call cut off after its request was written leaves
 * the outcome unknown until a status webhook settles it ({@link OutcomeReconciler}). Blocking: it runs on a
 * virtual thread, in its customer's lane.
 */
public class MessageSender {

    /** Our own reasons to refuse before calling Meta carry code 0. */
    public static final int PLATFORM_CODE = 0;
    public static final String OUTCOME_UNKNOWN = "Outcome unknown";

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final AccountRegistry accounts;
    private final NumberChannels channels;
    private final SendLedger ledger;
    private final ConversationWindows windows;
    private final TemplateCatalog templates;
    private final RecordPublisher publisher;
    private final SenderProperties properties;
    private final SendMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final MetaCalls calls;
    private final Outcomes outcomes;
    private final OutcomeReconciler reconciler;
    private final MediaUploader media;

    public MessageSender(AccountRegistry accounts, NumberChannels channels, GraphApiClient graph, SendLedger ledger,
                         ConversationWindows windows, TemplateCatalog templates, RecordPublisher publisher,
                         MetaCallObserver observer, OutcomeReconciler reconciler, SenderProperties properties,
                         SendMetrics metrics, Clock clock) {
        this.accounts = accounts;
        this.channels = channels;
        this.ledger = ledger;
        this.windows = windows;
        this.templates = templates;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(properties.retry());
        this.calls = new MetaCalls(graph, observer, metrics);
        this.outcomes = new Outcomes(accounts, metrics, properties.retry().giveUpAfter(), clock);
        this.reconciler = reconciler;
        this.media = new MediaUploader(graph, retryPolicy, properties.graphApi());
    }

    /**
     * What a delivery came to: the outcome event, and for an outcome that is unknown (the request may have
     * reached Meta, no answer came) the acceptance a status webhook would confirm.
     */
    private record Decision(TopicRecord outcome, MessageAccepted acceptedIfSeen) {
        static Decision of(TopicRecord outcome) {
            return new Decision(outcome, null);
        }
    }

    /** Sends the command (or republishes what an earlier delivery of it decided) and publishes the outcome. */
    public void send(SendMessage command) throws InterruptedException {
        Optional<SendLedger.Earlier> earlier = ledger.earlier(command.idempotencyKey());
        if (earlier.isPresent()) {
            replay(command, earlier.get());
            return;
        }
        InFlightMark mark = new InFlightMark(ledger, command);
        Decision decision;
        try {
            decision = decide(command, mark);
        } catch (InFlightMark.AlreadyHandled handled) {
            replay(command, handled.earlier());
            return;
        } catch (RetryPolicy.StoppedAfterReachingMeta stopped) {
            throw stopped; // IN_FLIGHT stays: the next delivery reports the outcome as unknown
        } catch (InterruptedException stopping) {
            if (mark.written()) {
                ledger.abandon(command.idempotencyKey()); // nothing reached Meta: the next delivery may send
            }
            throw stopping;
        }
        if (decision.acceptedIfSeen() != null) {
            outcomeUnknown(command, (MessageRejected) decision.outcome(), decision.acceptedIfSeen());
            return;
        }
        if (mark.written()) {
            ledger.complete(command.idempotencyKey(), decision.outcome());
        } else {
            Optional<SendLedger.Earlier> first = ledger.record(command, decision.outcome());
            if (first.isPresent()) {
                replay(command, first.get());
                return;
            }
        }
        publisher.publish(decision.outcome());
    }

    private void replay(SendMessage command, SendLedger.Earlier earlier) {
        String number = command.businessPhoneNumberId();
        if (earlier.outcome() != null) {
            metrics.outcomeReplayed(number);
            log.info("Command {} (key {}) was already handled: republishing its outcome", command.id(),
                    command.idempotencyKey());
            publisher.publish(earlier.outcome());
            return;
        }
        // An earlier delivery recorded the key and stopped before its outcome: Meta may have the message.
        // Sending again could duplicate it, so refuse, visibly, until a status webhook tells.
        log.warn("Command {} (key {}) to {} stopped mid-call earlier: outcome unknown, not resending",
                command.id(), command.idempotencyKey(), PhoneMasking.mask(command.recipientWaId()));
        boolean fallback = earlier.fallbackAttempted() && command.fallbackTemplate() != null;
        OutboundContent content = fallback ? command.fallbackTemplate() : command.content();
        SendForm form = fallback ? SendForm.FALLBACK_TEMPLATE
                : content.isFreeForm() ? SendForm.FREE_FORM : SendForm.TEMPLATE;
        outcomeUnknown(command, outcomes.unknown(command, content,
                "an earlier delivery of this command was interrupted during its call to Meta"),
                outcomes.acceptedIfSeen(command, form, content));
    }

    /**
     * Records and publishes an unknown outcome, unless a status webhook carried the key already while the call
     * ran: then the send is accepted at once.
     */
    private void outcomeUnknown(SendMessage command, MessageRejected unknown, MessageAccepted acceptedIfSeen) {
        metrics.outcomeUnknown(command.businessPhoneNumberId());
        Optional<String> seen = ledger.unknown(command.idempotencyKey(), unknown, acceptedIfSeen);
        if (seen.isPresent()) {
            reconciler.statusSeen(command.idempotencyKey(), seen.get(), clock.instant());
        } else {
            publisher.publish(unknown);
        }
    }

    private Decision decide(SendMessage command, InFlightMark mark) throws InterruptedException {
        Optional<NumberChannel> found = channels.find(command.businessPhoneNumberId());
        if (found.isEmpty()) {
            return Decision.of(outcomes.rejected(command, PLATFORM_CODE, "Unknown business number",
                    "business phone number id " + command.businessPhoneNumberId() + " is not configured in this sender",
                    "Add the number to sender.accounts (with its token in the environment), or correct the command.",
                    false, command.content()));
        }
        NumberChannel channel = found.get();
        Account account = channel.account();
        Optional<AccountRegistry.Pause> pause = accounts.pauseOf(account.phoneNumberId());
        if (pause.isPresent()) {
            return Decision.of(outcomes.rejected(command, pause.get().errorCode(), "Business number paused",
                    "sending is paused for this number since " + pause.get().since() + ": " + pause.get().reason(),
                    MetaErrorHelp.helpText(pause.get().errorCode()), true, command.content()));
        }

        OutboundContent content = command.content();
        SendForm form;
        if (!content.isFreeForm()) {
            form = SendForm.TEMPLATE;
        } else if (windows.isOpen(command.conversationKey(), clock.instant())) {
            form = SendForm.FREE_FORM;
        } else if (command.fallbackTemplate() != null) {
            form = SendForm.FALLBACK_TEMPLATE;
            content = command.fallbackTemplate();
        } else {
            return Decision.of(windowClosed(command));
        }
        Optional<TopicRecord> refused = checkTemplate(command, account, content);
        if (refused.isPresent()) {
            return Decision.of(refused.get());
        }
        MediaUploader.Prepared prepared = media.prepare(account, content);
        if (!(prepared instanceof MediaUploader.Prepared.Ready ready)) {
            return Decision.of(notUploaded(command, form, content, prepared));
        }
        content = ready.content();

        GraphResult result = deliver(channel, command, content, form, mark);
        if (form == SendForm.FREE_FORM && result instanceof GraphResult.Failed failed
                && failed.error().code() == MetaErrors.RE_ENGAGEMENT) {
            windows.close(command.conversationKey(), clock.instant());
            if (command.fallbackTemplate() != null) {
                log.info("Meta says the window of {} is closed: sending the fallback template",
                        PhoneMasking.mask(command.recipientWaId()));
                form = SendForm.FALLBACK_TEMPLATE;
                content = command.fallbackTemplate();
                refused = checkTemplate(command, account, content);
                if (refused.isPresent()) {
                    return Decision.of(refused.get());
                }
                prepared = media.prepare(account, content);
                if (!(prepared instanceof MediaUploader.Prepared.Ready fallbackReady)) {
                    return Decision.of(notUploaded(command, form, content, prepared));
                }
                content = fallbackReady.content();
                result = deliver(channel, command, content, form, mark);
            }
        }
        TopicRecord outcome = outcomes.of(command, form, content, result);
        return new Decision(outcome, result instanceof GraphResult.NoAnswer
                ? outcomes.acceptedIfSeen(command, form, content) : null);
    }

    private Optional<TopicRecord> checkTemplate(SendMessage command, Account account, OutboundContent content) {
        if (!(content instanceof OutboundContent.Template template) || !properties.templates().verify()) {
            return Optional.empty();
        }
        return templates.check(account.wabaId(), template).map(refusal -> outcomes.rejected(command,
                refusal.code(), refusal.title(), refusal.reason(), MetaErrorHelp.helpText(refusal.code()),
                refusal.retryable(), content));
    }

    /** A file the command carries could not be uploaded to Meta: nothing was sent to the customer. */
    private TopicRecord notUploaded(SendMessage command, SendForm form, OutboundContent content,
                                    MediaUploader.Prepared prepared) {
        return switch (prepared) {
            case MediaUploader.Prepared.UploadFailed failed -> outcomes.of(command, form, content, failed.result());
            case MediaUploader.Prepared.Unavailable unavailable -> outcomes.rejected(command, PLATFORM_CODE,
                    "Media unavailable", unavailable.reason(), "The file to send could not be read: check that the "
                            + "service that sent the command serves it, then resend.", true, content);
            case MediaUploader.Prepared.Ready ready -> throw new IllegalStateException("ready content is sent");
        };
    }

    private MessageRejected windowClosed(SendMessage command) {
        return outcomes.rejected(command, MetaErrors.RE_ENGAGEMENT, MetaErrorHelp.title(MetaErrors.RE_ENGAGEMENT, null),
                "the customer has not written in the last " + properties.window().length().toHours()
                        + " hours and the command has no fallback template; not sent",
                MetaErrorHelp.helpText(MetaErrors.RE_ENGAGEMENT) + " Add an approved template as the command's "
                        + "fallbackTemplate.", false, command.content());
    }

    /** Calls Meta until it accepts, refuses for good, or the retry policy gives up. */
    private GraphResult deliver(NumberChannel channel, SendMessage command, OutboundContent content, SendForm form,
                                InFlightMark mark) throws InterruptedException {
        String number = channel.account().phoneNumberId();
        var body = MessageBodies.message(command.recipientWaId(), content, command.idempotencyKey(),
                command.replyToWamid());
        return retryPolicy.call(() -> calls.send(channel, body, command, () -> mark.beforeRequest(form)),
                (verdict, result, backoff) -> {
                    metrics.retried(number, verdict);
                    log.info("Retrying command {} to {} in {} ms after {}", command.id(),
                            PhoneMasking.mask(command.recipientWaId()), backoff.toMillis(),
                            GraphResult.describe(result));
                });
    }

    /** Marks a customer message read (with typing indicator); no outcome event, failures are logged. */
    public void markRead(MarkMessageRead command) throws InterruptedException {
        Optional<NumberChannel> channel = channels.find(command.businessPhoneNumberId());
        if (channel.isEmpty() || accounts.pauseOf(command.businessPhoneNumberId()).isPresent()) {
            log.warn("Not marking message {} read: number {} unknown or paused", command.wamid(),
                    command.businessPhoneNumberId());
            return;
        }
        var body = MessageBodies.markRead(command.wamid(), command.showTypingIndicator());
        GraphResult result = retryPolicy.call(() -> calls.markRead(channel.get(), body), RetryPolicy.RetryListener.NONE);
        if (!(result instanceof GraphResult.Ok)) {
            log.warn("Could not mark message {} read: {}", command.wamid(), GraphResult.describe(result));
        }
    }
}
