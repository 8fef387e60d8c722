package io.wabiz.scenarioengine.orders;

import io.wabiz.events.erp.SalesOrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the engine knows of a sales order, from {@code erp.sales-orders}, plus the claim a tap holds on it.
 *
 * @param version     the ERP version of the latest event
 * @param fingerprint a digest of what the customer sees (amounts, lines): versions that differ only in
 *                    bookkeeping (a flag the platform wrote back) keep the same fingerprint
 * @param seen        recent versions with their fingerprints, newest last
 * @param pending     a confirmation or cancellation asked by a tap and not yet answered by the ERP
 */
public record OrderView(String orderId, String number, String partnerId, String partnerName, SalesOrderState state,
                        String version, String fingerprint, List<SeenVersion> seen, BigDecimal amountTotal,
                        String currency, String companyId, Instant orderDate, Instant eventAt, Pending pending) {

    public OrderView {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    public record SeenVersion(String version, String fingerprint) {
    }

    public enum Request { CONFIRM, CANCEL }

    /** A request a tap sent to the ERP: no other tap acts on the order until the ERP answers or it expires. */
    public record Pending(Request request, String wamid, Instant at, Instant until) {
        public boolean activeAt(Instant now) {
            return until.isAfter(now);
        }
    }

    /** This order with a tap's request pending on it (the claim a batch is about to write). */
    public OrderView withPending(Pending request) {
        return new OrderView(orderId, number, partnerId, partnerName, state, version, fingerprint, seen, amountTotal,
                currency, companyId, orderDate, eventAt, request);
    }

    /** Whether a button built from {@code tappedVersion} still shows this order as it is. */
    public boolean showsCurrent(String tappedVersion) {
        if (tappedVersion == null || version == null || tappedVersion.equals(version)) {
            return true;
        }
        return seen.stream().anyMatch(s -> s.version().equals(tappedVersion) && s.fingerprint().equals(fingerprint));
    }

    public boolean pendingFor(Instant now) {
        return pending != null && pending.activeAt(now);
    }

    public boolean isOpen() {
        return state.awaitsCustomer() || state == SalesOrderState.CONFIRMED;
    }
}
