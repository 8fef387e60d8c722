package io.wabiz.scenarioengine.taps;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.scenarioengine.partners.PartnerView;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.texts.Placeholder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One tap being decided: what it has read, the language it answers in, and what it will do. Every record it makes
 * gets an id and an idempotency key derived from the tap's wamid and the record's rank, so deciding the same tap
 * again makes the same records.
 */
public final class Run {

    private final Tap tap;
    private final TapContext context;
    private final Instant now;
    private final ConversationState originalState;
    private final List<TopicRecord> records = new ArrayList<>();
    private final List<PartnerView> partners;
    private ConversationState state;
    private String language;
    private String action = "none";
    private TapOutcome outcome;
    private String detail;
    private Plan.Claim claim;
    private int sequence;

    Run(Tap tap, TapContext context, String language) {
        this.tap = tap;
        this.context = context;
        this.now = context.now();
        this.originalState = context.state(tap.conversationKey()).orElse(null);
        this.state = originalState == null ? ConversationState.empty(tap.conversationKey(), now) : originalState;
        this.partners = context.partners(tap.customerWaId());
        this.language = language;
    }

    public Tap tap() {
        return tap;
    }

    public TapContext context() {
        return context;
    }

    public Instant now() {
        return now;
    }

    public ConversationState state() {
        return state;
    }

    public void state(ConversationState changed) {
        this.state = changed;
    }

    public String language() {
        return language;
    }

    /** Switches the answers' language (a keyword of one language), remembered for the conversation. */
    public void language(String newLanguage) {
        this.language = newLanguage;
        this.state = state.withLanguage(newLanguage, now);
    }

    public List<PartnerView> partners() {
        return partners;
    }

    public List<String> partnerIds() {
        return partners.stream().map(PartnerView::partnerId).toList();
    }

    /** The customer's name: the ERP's when known, else their WhatsApp profile name. */
    public String customerName() {
        return partners.isEmpty() || partners.getFirst().name() == null
                ? (tap.profileName() == null ? "" : tap.profileName()) : partners.getFirst().name();
    }

    public Map<Placeholder, String> values() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.CUSTOMER_NAME, customerName());
        return values;
    }

    public void action(String name) {
        this.action = name;
    }

    public String action() {
        return action;
    }

    /** Ends the run with this outcome unless one was set already; later actions do not run. */
    public void finish(TapOutcome finalOutcome, String why) {
        if (outcome == null) {
            outcome = finalOutcome;
            detail = why;
        }
    }

    public boolean finished() {
        return outcome != null;
    }

    public void claim(Plan.Claim orderClaim) {
        this.claim = orderClaim;
    }

    /** A reply quoting the tap, on the number the customer wrote to. */
    public void reply(OutboundContent content, ErpDocumentType documentType, String documentId, String actor) {
        String key = "scenario:" + tap.wamid() + ":" + (++sequence);
        records.add(new SendMessage(deterministicId(key), now, tap.businessPhoneNumberId(), tap.customerWaId(), content,
                null, key, new Correlation(documentType, documentId, null, Correlation.Origin.SCENARIO, actor),
                tap.wamid()));
    }

    public void record(TopicRecord record) {
        records.add(record);
    }

    /** An id for the {@code n}th record of a kind this tap makes, the same every time the tap is decided. */
    public String idFor(String kind) {
        return deterministicId(kind + ":" + tap.wamid() + ":" + (++sequence));
    }

    static String deterministicId(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    Plan plan() {
        ConversationState changed = state.equals(originalState)
                || (originalState == null && state.equals(ConversationState.empty(tap.conversationKey(), now)))
                ? null : state;
        return new Plan(tap, action, outcome == null ? TapOutcome.DONE : outcome, detail, records, changed, claim);
    }
}
