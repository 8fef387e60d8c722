package io.wabiz.notifier.orders;

import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The notifier's projection of one sales order: the newest version the ERP published, what the notifications of
 * the order depend on, and an optimistic revision for single-document compare-and-set writes.
 *
 * @param order             the newest version seen (by {@code occurredAt}, then version)
 * @param orderAt           when the ERP changed the order to that version
 * @param stateSince        the version at which the order entered its current state, and when: the confirmation
 *                          key derives from it, so a tap and the state change, in either order, give one key
 * @param createdVersion    the version the first {@code SalesOrderCreated} carried (null: no creation seen yet)
 * @param createdAt         when the ERP created the order
 * @param tap               the customer's latest confirm or cancel tap (from the scenario engine's command)
 * @param resends           how many times an admin sent each kind again
 * @param revision          incremented by every write; a write expects the revision it read
 */
@Document(OrderDocument.COLLECTION)
public record OrderDocument(@Id String id, SalesOrder order, Instant orderAt, StateSince stateSince,
                            String createdVersion, Instant createdAt, Tap tap, Map<String, Integer> resends,
                            long revision) {

    public static final String COLLECTION = "orders";

    public OrderDocument {
        resends = resends == null ? Map.of() : Map.copyOf(resends);
    }

    /** The version at which the order entered {@code state}, and when. */
    public record StateSince(SalesOrderState state, String version, Instant at) {
    }

    /**
     * A customer's tap asking to confirm or cancel.
     *
     * @param confirm true for confirm, false for cancel
     */
    public record Tap(boolean confirm, String wamid, String customerWaId, String businessPhoneNumberId,
                      Instant tappedAt, String commandId) {
    }

    public boolean knowsOrder() {
        return order != null;
    }

    public String version() {
        return order == null || order.version() == null || order.version().isBlank() ? "0" : order.version();
    }
}
