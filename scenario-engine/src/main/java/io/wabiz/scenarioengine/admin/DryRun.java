package io.wabiz.scenarioengine.admin;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import io.wabiz.scenarioengine.definitions.DefinitionRegistry;
import io.wabiz.scenarioengine.orders.DocumentProjection;
import io.wabiz.scenarioengine.partners.PartnerDirectory;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.state.ConversationStates;
import io.wabiz.scenarioengine.taps.BatchContext;
import io.wabiz.scenarioengine.taps.Plan;
import io.wabiz.scenarioengine.taps.Tap;
import io.wabiz.scenarioengine.taps.TapEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What a button id or a text would do for a customer now, decided by the live engine on the live projections and
 * the conversation's state, with nothing written and nothing published: the action that would run, the records
 * (messages, ERP commands, notifier requests, hand-offs) it would publish, the state it would leave.
 */
public class DryRun {

    private final TapEngine engine;
    private final DefinitionRegistry registry;
    private final DocumentProjection documents;
    private final PartnerDirectory partners;
    private final ConversationStates states;
    private final Clock clock;

    public DryRun(TapEngine engine, DefinitionRegistry registry, DocumentProjection documents,
                  PartnerDirectory partners, ConversationStates states, Clock clock) {
        this.engine = engine;
        this.registry = registry;
        this.documents = documents;
        this.partners = partners;
        this.states = states;
        this.clock = clock;
    }

    /** One record the tap would publish, with its topic. */
    public record WouldPublish(String topic, String type, TopicRecord record) {
    }

    /** @param claim the order claim that would have to succeed first (another tap may hold the order) */
    public record Result(String action, String outcome, String detail, List<WouldPublish> records,
                         ConversationState state, Plan.Claim claim) {
    }

    public Result run(String businessPhoneNumberId, String customerWaId, String buttonId, String text) {
        if ((buttonId == null) == (text == null)) {
            throw new IllegalArgumentException("give either buttonId or text");
        }
        Instant now = clock.instant();
        Tap tap = new Tap(businessPhoneNumberId, customerWaId, null, "wamid.dry-run." + now.toEpochMilli(), now, now,
                buttonId != null ? new Tap.Button(buttonId, null, "button") : new Tap.Text(text));
        registry.refreshIfChanged();
        Plan plan = engine.decide(tap, new BatchContext(List.of(tap), registry.get(), documents, partners, states, now));
        return new Result(plan.action(), plan.outcome().name(), plan.detail(), plan.records().stream()
                .map(r -> new WouldPublish(TopicCatalogue.carrying(r.getClass()).topic(),
                        TopicCatalogue.typeName(r.getClass()), r)).toList(), plan.newState(), plan.claim());
    }
}
