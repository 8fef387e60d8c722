package io.wabiz.scenarioengine.taps;

import io.wabiz.events.PhoneMasking;
import io.wabiz.events.TopicRecord;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.orders.DocumentProjection;
import io.wabiz.scenarioengine.orders.OrderView;
import io.wabiz.scenarioengine.partners.PartnerDirectory;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.state.ConversationStates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one poll's taps: skips the ones already done (Meta redelivers webhooks for days), decides the others in
 * order, makes each order claim (the single-document write that lets only the first of racing taps act; a lost
 * claim is decided again on the fresh order), stores the plans in the ledger, publishes their records and waits for
 * Kafka's acknowledgement, saves the conversations' states and marks the plans done. A failure before "done" is
 * retried by the listener; the ledger makes the retry publish the same records, never new ones.
 */
public class TapProcessor {

    private static final Logger log = LoggerFactory.getLogger(TapProcessor.class);
    private static final int CLAIM_ATTEMPTS = 3;

    private final TapEngine engine;
    private final Supplier<Definitions> definitions;
    private final DocumentProjection documents;
    private final PartnerDirectory partners;
    private final ConversationStates states;
    private final TapLedger ledger;
    private final TopicPublisher publisher;
    private final TapMetrics metrics;
    private final Clock clock;
    private final Duration pendingTimeout;
    private final Duration publishTimeout;

    public TapProcessor(TapEngine engine, Supplier<Definitions> definitions, DocumentProjection documents,
                        PartnerDirectory partners, ConversationStates states, TapLedger ledger,
                        TopicPublisher publisher, TapMetrics metrics, Clock clock, Duration pendingTimeout,
                        Duration publishTimeout) {
        this.engine = engine;
        this.definitions = definitions;
        this.documents = documents;
        this.partners = partners;
        this.states = states;
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.pendingTimeout = pendingTimeout;
        this.publishTimeout = publishTimeout;
    }

    public void process(List<Tap> taps) {
        if (taps.isEmpty()) {
            return;
        }
        Map<String, Tap> unique = new LinkedHashMap<>();
        for (Tap tap : taps) {
            if (unique.putIfAbsent(tap.wamid(), tap) != null) {
                metrics.duplicate();
            }
        }
        Map<String, TapLedger.Entry> known = ledger.find(unique.keySet());
        List<TapLedger.Entry> unfinished = new ArrayList<>();
        List<Tap> fresh = new ArrayList<>();
        for (Tap tap : unique.values()) {
            TapLedger.Entry entry = known.get(tap.wamid());
            if (entry == null) {
                fresh.add(tap);
            } else if (entry.done()) {
                metrics.duplicate();
                log.debug("Tap {} already handled", tap.wamid());
            } else {
                unfinished.add(entry);
            }
        }
        List<Plan> plans = decide(fresh);
        List<Plan> acting = plans.stream().filter(p -> !p.records().isEmpty() || p.newState() != null).toList();
        Map<String, Document> stateDocuments = new LinkedHashMap<>();
        acting.forEach(p -> {
            if (p.newState() != null) {
                stateDocuments.put(p.tap().wamid(), ConversationStates.write(p.newState()));
            }
        });
        Set<String> takenByOthers = ledger.store(acting, stateDocuments);

        List<CompletableFuture<?>> sent = new ArrayList<>();
        List<Plan> published = new ArrayList<>();
        for (Plan plan : acting) {
            if (takenByOthers.contains(plan.tap().wamid())) {
                metrics.duplicate();
                continue;
            }
            published.add(plan);
            plan.records().forEach(record -> sent.add(publisher.publish(record)));
        }
        for (TapLedger.Entry entry : unfinished) {
            log.info("Finishing tap {} after an interruption: {} records published again", entry.wamid(),
                    entry.records().size());
            entry.records().forEach(record -> sent.add(publisher.publish(record)));
        }
        awaitAll(sent);
        Instant acknowledged = clock.instant();

        List<ConversationState> changed = new ArrayList<>();
        published.stream().map(Plan::newState).filter(s -> s != null).forEach(changed::add);
        unfinished.stream().map(TapLedger.Entry::state).filter(s -> s != null).map(ConversationStates::read)
                .forEach(changed::add);
        states.saveAll(latestPerConversation(changed));
        Set<String> done = new HashSet<>();
        published.forEach(p -> done.add(p.tap().wamid()));
        unfinished.forEach(e -> done.add(e.wamid()));
        ledger.markDone(done);

        for (Plan plan : plans) {
            if (!takenByOthers.contains(plan.tap().wamid())) {
                metrics.record(plan, acknowledged);
                if (log.isInfoEnabled() || plan.outcome() == TapOutcome.UNKNOWN_DOCUMENT
                        || plan.outcome() == TapOutcome.UNKNOWN_BUTTON) {
                    logPlan(plan); // the INFO line lists the records' types: not built when INFO is off
                }
            }
        }
    }

    /**
     * Decides the taps in order on the poll's reads. A claim is applied to the context at once (a later tap of the
     * poll on the same order sees it pending) and all claims go to MongoDB in one insert; a claim whose document
     * existed already is made again alone, and a tap that lost it is decided again on the fresh order.
     */
    private List<Plan> decide(List<Tap> fresh) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant until = now.plus(pendingTimeout);
        BatchContext context = BatchContext.forClaims(fresh, definitions.get(), documents, partners, states, now);
        List<Plan> plans = new ArrayList<>(fresh.size());
        List<DocumentProjection.ClaimRequest> claims = new ArrayList<>();
        Map<Integer, ConversationState> stateBefore = new HashMap<>();
        for (Tap tap : fresh) {
            ConversationState before = context.state(tap.conversationKey()).orElse(null);
            Plan plan = engine.decide(tap, context);
            Plan.Claim claim = plan.claim();
            if (claim != null) {
                claims.add(new DocumentProjection.ClaimRequest(claim.orderId(), claim.expectedVersion(),
                        claim.request(), tap.wamid()));
                stateBefore.put(plans.size(), before);
                context.order(context.order(claim.orderId()).orElseThrow().withPending(
                        new OrderView.Pending(claim.request(), tap.wamid(), now, until)));
            }
            if (plan.newState() != null) {
                context.state(plan.newState());
            }
            plans.add(plan);
        }
        Set<String> existing = documents.claimAll(claims, now, until);
        if (existing.isEmpty()) {
            return plans;
        }
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            if (plan.claim() != null && existing.contains(plan.claim().orderId())) {
                plans.set(i, claimAlone(plan, context, stateBefore.get(i), now, until));
            }
        }
        return plans;
    }

    /** A claim whose document existed: this tap's own (a retry), an expired one to take over, or another tap's. */
    private Plan claimAlone(Plan plan, BatchContext context, ConversationState before, Instant now, Instant until) {
        Tap tap = plan.tap();
        for (int attempt = 1; plan.claim() != null; attempt++) {
            Plan.Claim claim = plan.claim();
            Optional<OrderView> claimed = documents.claim(claim.orderId(), claim.expectedVersion(), claim.request(),
                    tap.wamid(), now, until);
            if (claimed.isPresent()) {
                context.order(claimed.get());
                return plan;
            }
            context.reloadOrder(claim.orderId());
            context.state(tap.conversationKey(), before);
            log.info("Tap {} lost the race on order {}: deciding again on the fresh order", tap.wamid(),
                    claim.orderId());
            plan = engine.decide(tap, context);
            if (attempt >= CLAIM_ATTEMPTS && plan.claim() != null) {
                throw new IllegalStateException("order " + claim.orderId() + " keeps changing under tap "
                        + tap.wamid());
            }
        }
        if (plan.newState() != null) {
            context.state(plan.newState());
        }
        return plan;
    }

    private static List<ConversationState> latestPerConversation(List<ConversationState> changed) {
        Map<String, ConversationState> latest = new LinkedHashMap<>();
        changed.forEach(state -> latest.put(state.conversationKey(), state));
        return List.copyOf(latest.values());
    }

    private void awaitAll(List<CompletableFuture<?>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing tap results", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the tap results; the batch is retried", e);
        }
    }

    private static void logPlan(Plan plan) {
        Tap tap = plan.tap();
        switch (plan.outcome()) {
            case IGNORED -> log.debug("Message {} from {} ignored: {}", tap.wamid(),
                    PhoneMasking.mask(tap.customerWaId()), plan.detail());
            case UNKNOWN_DOCUMENT, UNKNOWN_BUTTON -> log.warn("Tap {} from {} ({}): {}; answered", tap.wamid(),
                    PhoneMasking.mask(tap.customerWaId()), plan.action(), plan.detail());
            default -> log.info("Tap {} from {}: {} {}{} -> {}", tap.wamid(), PhoneMasking.mask(tap.customerWaId()),
                    plan.action(), plan.outcome(), plan.detail() == null ? "" : " (" + plan.detail() + ")",
                    plan.records().stream().map(TopicRecord::getClass).map(Class::getSimpleName).toList());
        }
    }
}
