package io.wabiz.notifier.notifications;

import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out notification plans exactly once per idempotency key: the decision is written to the log first (an
 * insert that fails on a known key), then the command is published and acknowledged by Kafka before the triggering
 * record counts as processed. A crash in between leaves the entry PENDING: the redelivered record publishes the
 * command again, under the same key and command id (both derive from the fact), and the sender (idempotent on the
 * key) sends it at most once. A key decided otherwise (skipped, accepted, failed) is not planned again, whatever
 * the plan says now.
 */
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationLog notifications;
    private final TopicPublisher publisher;
    private final NotificationMetrics metrics;
    private final Duration publishTimeout;
    private final Clock clock;

    public NotificationDispatcher(NotificationLog notifications, TopicPublisher publisher, NotificationMetrics metrics,
                                  Duration publishTimeout, Clock clock) {
        this.notifications = notifications;
        this.publisher = publisher;
        this.metrics = metrics;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** What became of a plan. */
    public enum Result {
        /** The command was published for the first time. */
        SENT,
        /** The key was PENDING (a crash or a redelivery): its stored command was published again. */
        REPUBLISHED,
        SKIPPED,
        WAITING,
        /** The key was decided before: nothing done. */
        DUPLICATE
    }

    public Result execute(NotificationPlan plan) {
        return executeAll(List.of(plan)).get(plan.key().toString());
    }

    /** Carries out a batch of plans (a poll's worth): a few round trips to MongoDB and one wait for Kafka. */
    public Map<String, Result> executeAll(List<? extends NotificationPlan> plans) {
        Map<String, NotificationPlan> byKey = new LinkedHashMap<>();
        for (NotificationPlan plan : plans) {
            byKey.putIfAbsent(plan.key().toString(), plan); // the same fact twice in one batch: the first decides
        }
        Instant now = clock.instant();
        // insert first: in the common case every key is new and this is the only round trip; the keys that exist
        // (a redelivery, a republished fact, a waiting notification) are read back and handled below
        List<NotificationEntry> fresh = new ArrayList<>(byKey.size());
        byKey.values().forEach(plan -> fresh.add(entryFor(plan, now)));
        Set<String> existingKeys = notifications.insertNew(fresh);
        Map<String, NotificationEntry> existing = notifications.findAll(existingKeys);
        Map<String, Result> results = new LinkedHashMap<>();
        List<Publication> publications = new ArrayList<>();
        for (Map.Entry<String, NotificationPlan> planned : byKey.entrySet()) {
            String key = planned.getKey();
            NotificationPlan plan = planned.getValue();
            NotificationEntry known = existing.get(key);
            Result result;
            if (known == null) {
                result = firstDecision(plan, publications);
            } else if (known.state() == NotificationState.WAITING_FOR_PARTNER
                    && !(plan instanceof NotificationPlan.WaitForPartner)) {
                result = notifications.decideWaiting(entryFor(plan, now)) ? firstDecision(plan, publications)
                        : Result.DUPLICATE;
            } else if (known.state() == NotificationState.PENDING && plan instanceof NotificationPlan.Send send) {
                // published before, or not if the instance died in between: publish again (the same command id,
                // derived from the key); the sender sends a key at most once
                publications.add(new Publication(plan, send.command()));
                result = Result.REPUBLISHED;
            } else {
                result = Result.DUPLICATE;
            }
            if (result == Result.DUPLICATE || result == Result.REPUBLISHED) {
                metrics.outcome(plan.context().kind(), result == Result.DUPLICATE ? "duplicate" : "republished");
            }
            results.put(key, result);
        }
        publishAll(publications);
        return results;
    }

    private Result firstDecision(NotificationPlan plan, List<Publication> publications) {
        NotificationPlan.Context context = plan.context();
        return switch (plan) {
            case NotificationPlan.Send send -> {
                publications.add(new Publication(plan, send.command()));
                metrics.outcome(context.kind(), "requested");
                yield Result.SENT;
            }
            case NotificationPlan.Skip skip -> {
                metrics.skipped(context.kind(), skip.reason());
                log.info("Notification {} skipped: {}", context.key(), skip.reason().code());
                yield Result.SKIPPED;
            }
            case NotificationPlan.WaitForPartner waiting -> {
                metrics.outcome(context.kind(), "waiting");
                log.info("Notification {} waits for partner {}", context.key(), context.partnerId());
                yield Result.WAITING;
            }
        };
    }

    private void publishAll(List<Publication> publications) {
        if (publications.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(publications.size());
        for (Publication publication : publications) {
            acks.add(publish(publication.command()));
        }
        await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), publishTimeout);
        Instant acknowledged = clock.instant();
        for (Publication publication : publications) {
            NotificationPlan.Context context = publication.plan().context();
            if (context.receivedAt() != null) {
                metrics.eventToCommand(context.kind(), Duration.between(context.receivedAt(), acknowledged));
            }
            if (log.isDebugEnabled()) { // the masking itself is work, per command
                log.debug("Published {} to {}", context.key(), PhoneMasking.mask(publication.command().recipientWaId()));
            }
        }
    }

    /** Publishes records other than commands (NotificationRecorded) and waits for Kafka. */
    public void publishAndWait(List<? extends TopicRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(records.size());
        for (TopicRecord record : records) {
            acks.add(publish(record));
        }
        await(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)), publishTimeout);
    }

    /** A producer that fails at once (no metadata, buffer full) fails like one that never acknowledges. */
    private CompletableFuture<?> publish(TopicRecord record) {
        try {
            return publisher.publish(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void await(CompletableFuture<?> all, Duration timeout) {
        try {
            all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            // the record is retried, and the log makes the retry republish the same commands
            throw new IllegalStateException("Kafka did not acknowledge the publication in " + timeout, e);
        }
    }

    static NotificationEntry entryFor(NotificationPlan plan, Instant now) {
        NotificationPlan.Context c = plan.context();
        NotificationState state = switch (plan) {
            case NotificationPlan.Send s -> NotificationState.PENDING;
            case NotificationPlan.Skip s -> NotificationState.SKIPPED;
            case NotificationPlan.WaitForPartner w -> NotificationState.WAITING_FOR_PARTNER;
        };
        SendMessage command = plan instanceof NotificationPlan.Send send ? send.command() : null;
        return new NotificationEntry(c.key().toString(), c.kind(), c.documentType(), c.documentId(), c.partnerId(),
                c.companyId(), state, state.rank(), plan instanceof NotificationPlan.Skip skip ? skip.reason() : null,
                command == null ? null : command.businessPhoneNumberId(),
                command == null ? null : command.recipientWaId(), command == null ? null : command.id(),
                null, null, null, c.triggeredBy(), c.factAt(), now,
                now, null, null, null, null, null, null, c.resendOf(), c.requestedBy());
    }

    private record Publication(NotificationPlan plan, SendMessage command) {
    }
}
