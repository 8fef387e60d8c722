package io.wabiz.scenarioengine.taps;

import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.orders.InvoiceView;
import io.wabiz.scenarioengine.orders.OrderView;
import io.wabiz.scenarioengine.partners.PartnerView;
import io.wabiz.scenarioengine.state.ConversationState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What deciding a tap may read: the definitions in force, the projections, the conversation's state, the time. */
public interface TapContext {

    Definitions definitions();

    Optional<OrderView> order(String orderId);

    Optional<InvoiceView> invoice(String invoiceId);

    List<PartnerView> partners(String customerWaId);

    List<OrderView> openOrders(Collection<String> partnerIds);

    List<InvoiceView> openInvoices(Collection<String> partnerIds);

    /** The conversation's state, expired parts included (the engine checks expiry itself). */
    Optional<ConversationState> state(String conversationKey);

    Instant now();
}
