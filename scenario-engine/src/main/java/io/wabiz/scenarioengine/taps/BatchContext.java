package io.wabiz.scenarioengine.taps;

import io.wabiz.events.buttons.ButtonId;
import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.orders.DocumentProjection;
import io.wabiz.scenarioengine.orders.InvoiceView;
import io.wabiz.scenarioengine.orders.OrderView;
import io.wabiz.scenarioengine.partners.PartnerDirectory;
import io.wabiz.scenarioengine.partners.PartnerView;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.state.ConversationStates;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reads of one poll's taps, fetched together: one query each for the conversations' states, the customers'
 * partners and the tapped orders and invoices. Lists of open documents are read when a tap asks for them. Decisions
 * of earlier taps of the batch (a state, a claim) are applied here so later taps see them.
 */
public final class BatchContext implements TapContext {

    private final Definitions definitions;
    private final DocumentProjection documents;
    private final Instant now;
    private final Map<String, ConversationState> states;
    private final Map<String, List<PartnerView>> partners;
    private final Map<String, OrderView> orders;
    private final Map<String, InvoiceView> invoices;

    /** The reads of a dry run: orders with the claims held on them. */
    public BatchContext(List<Tap> taps, Definitions definitions, DocumentProjection documents, PartnerDirectory directory,
                 ConversationStates stateStore, Instant now) {
        this(taps, definitions, documents, directory, stateStore, now, true);
    }

    /**
     * The reads of a poll that acts: orders without their claims (one round trip less), because a claim held by
     * another tap makes this tap's claim insert fail, and the tap is then decided again on the order with its claim.
     */
    static BatchContext forClaims(List<Tap> taps, Definitions definitions, DocumentProjection documents,
                                  PartnerDirectory directory, ConversationStates stateStore, Instant now) {
        return new BatchContext(taps, definitions, documents, directory, stateStore, now, false);
    }

    private BatchContext(List<Tap> taps, Definitions definitions, DocumentProjection documents,
                         PartnerDirectory directory, ConversationStates stateStore, Instant now, boolean withClaims) {
        this.definitions = definitions;
        this.documents = documents;
        this.now = now;
        Set<String> orderIds = new LinkedHashSet<>();
        Set<String> invoiceIds = new LinkedHashSet<>();
        for (Tap tap : taps) {
            if (tap.trigger() instanceof Tap.Button button) {
                ButtonId.tryParse(button.payload()).ifPresent(id -> {
                    if (id.isAbout(ButtonId.ORDER)) {
                        orderIds.add(id.documentId());
                    } else if (id.isAbout(ButtonId.INVOICE)) {
                        invoiceIds.add(id.documentId());
                    }
                });
            }
        }
        this.states = new HashMap<>(stateStore.find(taps.stream().map(Tap::conversationKey).toList()));
        this.partners = new HashMap<>(directory.byWaIds(taps.stream().map(Tap::customerWaId).toList()));
        this.orders = new HashMap<>(withClaims ? documents.orders(orderIds) : documents.ordersWithoutClaims(orderIds));
        this.invoices = new HashMap<>(documents.invoices(invoiceIds));
    }

    @Override
    public Definitions definitions() {
        return definitions;
    }

    @Override
    public Optional<OrderView> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Optional<InvoiceView> invoice(String invoiceId) {
        return Optional.ofNullable(invoices.get(invoiceId));
    }

    @Override
    public List<PartnerView> partners(String customerWaId) {
        return partners.getOrDefault(customerWaId, List.of());
    }

    @Override
    public List<OrderView> openOrders(Collection<String> partnerIds) {
        return documents.openOrders(partnerIds);
    }

    @Override
    public List<InvoiceView> openInvoices(Collection<String> partnerIds) {
        return documents.openInvoices(partnerIds);
    }

    @Override
    public Optional<ConversationState> state(String conversationKey) {
        return Optional.ofNullable(states.get(conversationKey));
    }

    @Override
    public Instant now() {
        return now;
    }

    void state(ConversationState state) {
        states.put(state.conversationKey(), state);
    }

    /** Puts back the conversation's state as it was before a tap that is decided again (null: none). */
    void state(String conversationKey, ConversationState state) {
        if (state == null) {
            states.remove(conversationKey);
        } else {
            states.put(conversationKey, state);
        }
    }

    void order(OrderView order) {
        orders.put(order.orderId(), order);
    }

    /** Reads the order again (a claim lost to another tap or to an ERP change). */
    void reloadOrder(String orderId) {
        documents.orders(List.of(orderId)).values().forEach(this::order);
    }
}
