package io.wabiz.sender.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.MetaErrorHelp;
import io.wabiz.events.outbound.MarkMessageRead;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.sender.Masking;
import io.wabiz.sender.RecordPublisher;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.Account;
import io.wabiz.sender.accounts.AccountRegistry;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.graph.MessageBodies;
import io.wabiz.sender.graph.MetaErrors;
import io.wabiz.sender.graph.MetaErrors.Verdict;
import io.wabiz.sender.templates.TemplateCatalog;
import io.wabiz.sender.window.ConversationWindows;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one command to Meta and publishes its outcome: exactly once per idempotency key, in the form the
 * customer's window allows, within the number's rate, retrying what may pass later and explaining what
 * cannot. Blocking: it runs on a virtual thread, in its customer's lane.
 */
public class MessageSender {

    /** Our own reasons to refuse before calling Meta carry code 0. */
    public static final int PLATFORM_CODE = 0;
    public static final String OUTCOME_UNKNOWN = "Outcome unknown";

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    /** At TRACE, one line per request written to Meta (number, idempotency key, epoch ms): for benchmarks. */
    private static final Logger writes = LoggerFactory.getLogger("io.wabiz.sender.send.WriteTrace");

    private final AccountRegistry accounts;
    private final Map<String, NumberChannel> channels = new ConcurrentHashMap<>();
    private final GraphApiClient graph;
    private final SendLedger ledger;
    private final ConversationWindows windows;
    private final TemplateCatalog templates;
    private final RecordPublisher publisher;
    private final MetaCallObserver observer;
    private final SenderProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public MessageSender(AccountRegistry accounts, GraphApiClient graph, SendLedger ledger,
                         ConversationWindows windows, TemplateCatalog templates, RecordPublisher publisher,
                         MetaCallObserver observer, SenderProperties properties, MeterRegistry meters, Clock clock) {
        this.accounts = accounts;
        this.graph = graph;
        this.ledger = ledger;
        this.windows = windows;
        this.templates = templates;
        this.publisher = publisher;
        this.observer = observer;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        accounts.all().forEach(a -> {
            NumberChannel channel = new NumberChannel(a, properties.rate(), properties.retry());
            channels.put(a.phoneNumberId(), channel);
            meters.gauge("sender.queue.size", io.micrometer.core.instrument.Tags.of("number", a.phoneNumberId()),
                    channel.queued(), java.util.concurrent.atomic.AtomicInteger::get);
            meters.gauge("sender.account.paused", io.micrometer.core.instrument.Tags.of("number", a.phoneNumberId()),
                    accounts, r -> r.pauseOf(a.phoneNumberId()).isPresent() ? 1 : 0);
            meters.gauge("sender.circuit.open", io.micrometer.core.instrument.Tags.of("number", a.phoneNumberId()),
                    channel, c -> c.circuitBreaker().getState().name().equals("OPEN") ? 1 : 0);
        });
    }

    public Optional<NumberChannel> channel(String phoneNumberId) {
        return Optional.ofNullable(phoneNumberId == null ? null : channels.get(phoneNumberId));
    }

    public Iterable<NumberChannel> channels() {
        return channels.values();
    }

    /** Sends the command (or republishes what an earlier delivery of it decided) and publishes the outcome. */
    public void send(SendMessage command) throws InterruptedException {
        Optional<SendLedger.Earlier> earlier = ledger.begin(command);
        if (earlier.isPresent()) {
            replay(command, earlier.get());
            return;
        }
        boolean[] metaCalled = {false};
        TopicRecord outcome;
        try {
            outcome = decide(command, metaCalled);
        } catch (InterruptedException stopping) {
            if (!metaCalled[0]) {
                ledger.abandon(command.idempotencyKey()); // nothing reached Meta: the next delivery may send
            }
            throw stopping;
        }
        ledger.complete(command.idempotencyKey(), outcome);
        publisher.publish(outcome);
    }

    private void replay(SendMessage command, SendLedger.Earlier earlier) {
        String number = command.businessPhoneNumberId();
        if (earlier.outcome() != null) {
            meters.counter("sender.outcome.replayed", "number", number).increment();
            log.info("Command {} (key {}) was already handled: republishing its outcome", command.id(),
                    command.idempotencyKey());
            publisher.publish(earlier.outcome());
            return;
        }
        // An earlier delivery recorded the key and stopped before its outcome: Meta may have the message.
        // Sending again could duplicate it, so refuse, visibly, and let a person look at the conversation.
        meters.counter("sender.outcome.unknown", "number", number).increment();
        log.warn("Command {} (key {}) to {} stopped mid-call earlier: outcome unknown, not resending",
                command.id(), command.idempotencyKey(), Masking.phone(command.recipientWaId()));
        MessageRejected unknown = rejected(command, PLATFORM_CODE, OUTCOME_UNKNOWN,
                "an earlier delivery of this command was interrupted during its call to Meta",
                "Outcome unknown - check the conversation before resending: the message may or may not have "
                        + "reached the customer. Resend with a new idempotency key only if it did not.",
                false, command.content());
        ledger.complete(command.idempotencyKey(), unknown);
        publisher.publish(unknown);
    }

    private TopicRecord decide(SendMessage command, boolean[] metaCalled) throws InterruptedException {
        NumberChannel channel = channels.get(command.businessPhoneNumberId());
        if (channel == null) {
            return rejected(command, PLATFORM_CODE, "Unknown business number", "business phone number id "
                    + command.businessPhoneNumberId() + " is not configured in this sender",
                    "Add the number to sender.accounts (with its token in the environment), or correct the command.",
                    false, command.content());
        }
        Account account = channel.account();
        Optional<AccountRegistry.Pause> pause = accounts.pauseOf(account.phoneNumberId());
        if (pause.isPresent()) {
            return rejected(command, pause.get().errorCode(), "Business number paused",
                    "sending is paused for this number since " + pause.get().since() + ": " + pause.get().reason(),
                    MetaErrorHelp.helpText(pause.get().errorCode()), true, command.content());
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
            return windowClosed(command);
        }
        Optional<TopicRecord> refused = checkTemplate(command, account, content);
        if (refused.isPresent()) {
            return refused.get();
        }

        GraphResult result = deliver(channel, command, content, metaCalled);
        if (form == SendForm.FREE_FORM && result instanceof GraphResult.Failed failed
                && failed.error().code() == MetaErrors.RE_ENGAGEMENT) {
            windows.close(command.conversationKey(), clock.instant());
            if (command.fallbackTemplate() != null) {
                log.info("Meta says the window of {} is closed: sending the fallback template",
                        Masking.phone(command.recipientWaId()));
                form = SendForm.FALLBACK_TEMPLATE;
                content = command.fallbackTemplate();
                refused = checkTemplate(command, account, content);
                if (refused.isPresent()) {
                    return refused.get();
                }
                result = deliver(channel, command, content, metaCalled);
            }
        }
        return outcome(command, account, form, content, result);
    }

    private Optional<TopicRecord> checkTemplate(SendMessage command, Account account, OutboundContent content) {
        if (!(content instanceof OutboundContent.Template template) || !properties.templates().verify()) {
            return Optional.empty();
        }
        return templates.check(account.wabaId(), template).map(refusal -> rejected(command, refusal.code(),
                refusal.title(), refusal.reason(), MetaErrorHelp.helpText(refusal.code()), refusal.retryable(),
                content));
    }

    private MessageRejected windowClosed(SendMessage command) {
        return rejected(command, MetaErrors.RE_ENGAGEMENT, MetaErrorHelp.title(MetaErrors.RE_ENGAGEMENT, null),
                "the customer has not written in the last " + properties.window().length().toHours()
                        + " hours and the command has no fallback template; not sent",
                MetaErrorHelp.helpText(MetaErrors.RE_ENGAGEMENT) + " Add an approved template as the command's "
                        + "fallbackTemplate.", false, command.content());
    }

    /** Calls Meta until it accepts, refuses for good, or the bounded retries run out. */
    private GraphResult deliver(NumberChannel channel, SendMessage command, OutboundContent content,
                                boolean[] metaCalled)
            throws InterruptedException {
        String number = channel.account().phoneNumberId();
        var body = MessageBodies.message(command.recipientWaId(), content, command.idempotencyKey(),
                command.replyToWamid());
        SenderProperties.Retry retry = properties.retry();
        int attempts = 0;
        int pairRateHits = 0;
        while (true) {
            attempts++;
            GraphResult result;
            if (!channel.circuitBreaker().tryAcquirePermission()) {
                result = new GraphResult.NoAnswer("circuit open: recent calls to Meta for this number failed");
            } else {
                channel.awaitRecipientSpacing(command.recipientWaId());
                SlidingWindowRateLimiter.Permit permit = channel.limiter().acquire();
                meters.timer("sender.rate.wait", "number", number).record(permit.waited());
                if (permit.waited().toMillis() > 0) {
                    meters.counter("sender.rate.limited.waits", "number", number).increment();
                }
                long start = System.nanoTime();
                metaCalled[0] = true;
                try {
                    result = graph.postMessage(channel.account(), body, () -> {
                        permit.sent();
                        if (writes.isTraceEnabled()) {
                            writes.trace("WRITE {} {} {}", number, command.idempotencyKey(),
                                    System.currentTimeMillis());
                        }
                    });
                } finally {
                    permit.done();
                }
                channel.sentTo(command.recipientWaId());
                observer.afterMetaCall(command, result);
                recordCircuit(channel, result, System.nanoTime() - start);
            }
            Verdict verdict = switch (result) {
                case GraphResult.Ok ok -> null;
                case GraphResult.Failed failed -> MetaErrors.classify(failed.status(), failed.error().code());
                case GraphResult.NoAnswer none -> Verdict.TRANSIENT;
            };
            if (verdict == null || verdict == Verdict.PERMANENT) {
                return result;
            }
            Duration backoff;
            if (verdict == Verdict.PAIR_RATE_LIMITED) {
                attempts--; // a per-customer wait, not a failure of Meta
                if (++pairRateHits >= retry.pairRateMaxAttempts()) {
                    return result;
                }
                backoff = jittered(retry.pairRateBackoff().multipliedBy(pairRateHits));
            } else {
                if (attempts >= retry.maxAttempts()) {
                    return result;
                }
                backoff = jittered(exponential(attempts));
            }
            meters.counter("sender.retries", "number", number, "reason", verdict.name().toLowerCase()).increment();
            log.info("Retrying command {} to {} in {} ms after {}", command.id(),
                    Masking.phone(command.recipientWaId()), backoff.toMillis(), describe(result));
            Thread.sleep(backoff);
        }
    }

    private static void recordCircuit(NumberChannel channel, GraphResult result, long nanos) {
        boolean metaFailed = switch (result) {
            case GraphResult.Ok ok -> false;
            case GraphResult.Failed failed -> {
                Verdict verdict = MetaErrors.classify(failed.status(), failed.error().code());
                yield verdict == Verdict.TRANSIENT || verdict == Verdict.THROTTLED;
            }
            case GraphResult.NoAnswer none -> true;
        };
        if (metaFailed) {
            channel.circuitBreaker().onError(nanos, TimeUnit.NANOSECONDS, new MetaUnavailable(describe(result)));
        } else {
            channel.circuitBreaker().onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private Duration exponential(int attempt) {
        SenderProperties.Retry retry = properties.retry();
        long millis = retry.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, retry.maxBackoff().toMillis()));
    }

    private Duration jittered(Duration backoff) {
        double jitter = Math.clamp(properties.retry().jitter(), 0.0, 1.0);
        double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (backoff.toNanos() * factor));
    }

    private TopicRecord outcome(SendMessage command, Account account, SendForm form, OutboundContent content,
                                GraphResult result) {
        String number = account.phoneNumberId();
        return switch (result) {
            case GraphResult.Ok ok -> {
                String wamid = ok.body().path("messages").path(0).path("id").asString(null);
                meters.counter("sender.messages.sent", "number", number, "form", form.name()).increment();
                log.info("Sent command {} to {} as {}: {}", command.id(), Masking.phone(command.recipientWaId()),
                        form, wamid);
                yield new MessageAccepted(UUID.randomUUID().toString(), clock.instant(), command.id(),
                        command.idempotencyKey(), number, command.recipientWaId(), wamid, form, content,
                        command.correlation(), command.replyToWamid());
            }
            case GraphResult.Failed failed -> {
                GraphResult.GraphError error = failed.error();
                Verdict verdict = MetaErrors.classify(failed.status(), error.code());
                if (MetaErrors.pausesAccount(error.code())) {
                    accounts.pause(number, error.code(), error.message());
                    meters.counter("sender.account.alerts", "number", number, "code",
                            String.valueOf(error.code())).increment();
                    log.error("ALERT business number {} paused: Meta error {} {}", number, error.code(),
                            error.message());
                }
                String reason = error.details() != null ? error.message() + ": " + error.details() : error.message();
                yield rejected(command, error.code(), MetaErrorHelp.title(error.code(), error.type()), reason,
                        MetaErrorHelp.helpText(error.code()) , verdict != Verdict.PERMANENT, content);
            }
            case GraphResult.NoAnswer none -> rejected(command, PLATFORM_CODE, "No answer from Meta",
                    none.reason() + " (after " + properties.retry().maxAttempts() + " attempts)",
                    "Meta could not be reached for a while: the sender retried. Check the conversation, "
                            + "then send the command again with a new idempotency key if the message is missing.",
                    true, content);
        };
    }

    private MessageRejected rejected(SendMessage command, int code, String title, String reason, String help,
                                     boolean retryable, OutboundContent content) {
        meters.counter("sender.messages.rejected", "number", command.businessPhoneNumberId(), "code",
                String.valueOf(code)).increment();
        log.warn("Rejected command {} to {}: {} {} - {}", command.id(), Masking.phone(command.recipientWaId()),
                code, title, reason);
        return new MessageRejected(UUID.randomUUID().toString(), clock.instant(), command.id(),
                command.idempotencyKey(), command.businessPhoneNumberId(), command.recipientWaId(), code, title,
                reason, help, retryable, content, command.correlation());
    }

    /** Marks a customer message read (with typing indicator); no outcome event, failures are logged. */
    public void markRead(MarkMessageRead command) throws InterruptedException {
        NumberChannel channel = channels.get(command.businessPhoneNumberId());
        if (channel == null || accounts.pauseOf(command.businessPhoneNumberId()).isPresent()) {
            log.warn("Not marking message {} read: number {} unknown or paused", command.wamid(),
                    command.businessPhoneNumberId());
            return;
        }
        var body = MessageBodies.markRead(command.wamid(), command.showTypingIndicator());
        for (int attempt = 1; ; attempt++) {
            SlidingWindowRateLimiter.Permit permit = channel.limiter().acquire();
            GraphResult result;
            try {
                result = graph.postMessage(channel.account(), body, permit::sent);
            } finally {
                permit.done();
            }
            if (result instanceof GraphResult.Ok) {
                return;
            }
            boolean retryable = !(result instanceof GraphResult.Failed failed)
                    || MetaErrors.classify(failed.status(), failed.error().code()) != Verdict.PERMANENT;
            if (!retryable || attempt >= properties.retry().maxAttempts()) {
                log.warn("Could not mark message {} read: {}", command.wamid(), describe(result));
                return;
            }
            Thread.sleep(jittered(exponential(attempt)));
        }
    }

    private static String describe(GraphResult result) {
        return switch (result) {
            case GraphResult.Ok ok -> "HTTP " + ok.status();
            case GraphResult.Failed failed -> "HTTP " + failed.status() + " error " + failed.error().code() + " "
                    + failed.error().message();
            case GraphResult.NoAnswer none -> none.reason();
        };
    }

    static final class MetaUnavailable extends RuntimeException {
        MetaUnavailable(String message) {
            super(message, null, false, false);
        }
    }

}
