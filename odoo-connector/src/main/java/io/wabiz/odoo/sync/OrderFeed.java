package io.wabiz.odoo.sync;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code sale.order} with its lines to {@link SalesOrder}: first sight is {@code SalesOrderCreated}, a state change
 * {@code SalesOrderStateChanged} (with the state before), any other change the platform sees
 * {@code SalesOrderUpdated}; a write that changes nothing it sees (our own flags) publishes nothing.
 */
final class OrderFeed implements ModelFeed {

    static final List<String> FIELDS = List.of("name", "partner_id", "date_order", "validity_date",
            "commitment_date", "state", "locked", "currency_id", "amount_untaxed", "amount_tax", "amount_total",
            "user_id", "company_id", "write_date");
    static final List<String> LINE_FIELDS = List.of("order_id", "sequence", "display_type", "product_id", "name",
            "product_uom_qty", "product_uom", "product_uom_id", "price_unit", "discount", "price_subtotal");

    private final Odoo odoo;
    private final OdooCatalog catalog;

    OrderFeed(Odoo odoo, OdooCatalog catalog) {
        this.odoo = odoo;
        this.catalog = catalog;
    }

    @Override
    public SyncedModel kind() {
        return SyncedModel.ORDERS;
    }

    @Override
    public List<Object> domain(ConnectorProperties.Company company) {
        return List.of(List.of("company_id", "=", company.id()));
    }

    @Override
    public List<Snapshot> read(List<Long> ids, Companies companies) {
        Map<String, Object> context = companies.context();
        List<String> fields = catalog.existing("sale.order", FIELDS);
        JsonNode rows = odoo.read(client -> client.read("sale.order", ids, fields, context));
        List<String> lineFields = catalog.existing("sale.order.line", LINE_FIELDS);
        JsonNode lines = odoo.read(client -> client.searchRead("sale.order.line",
                List.of(List.of("order_id", "in", ids)), lineFields, "order_id, sequence, id", 0, null, context));
        Map<Long, List<JsonNode>> linesByOrder = new HashMap<>();
        lines.forEach(line -> linesByOrder.computeIfAbsent(OdooValues.id(line.get("order_id")), k -> new ArrayList<>())
                .add(line));
        String unitField = lineFields.contains("product_uom") ? "product_uom" : "product_uom_id";
        List<Snapshot> snapshots = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            long id = row.get("id").longValue();
            Long companyId = OdooValues.id(row.get("company_id"));
            if (!companies.contains(companyId)) {
                continue;
            }
            ZoneId zone = companies.zone(companyId);
            OdooCatalog.Currency currency = catalog.currency(OdooValues.id(row.get("currency_id")));
            List<DocumentLine> mapped = new ArrayList<>();
            for (JsonNode line : linesByOrder.getOrDefault(id, List.of())) {
                if (Lines.productLine(line)) {
                    mapped.add(Lines.of(line, "product_uom_qty", unitField, currency.decimals()));
                }
            }
            SalesOrderState state = state(row);
            Snapshot.Versioned document = version -> new SalesOrder("sale.order/" + id,
                    OdooValues.text(row.get("name")), partner(row), OdooValues.name(row.get("partner_id")),
                    OdooValues.instant(row.get("date_order")), OdooValues.date(row.get("validity_date")),
                    localDate(OdooValues.dateTime(row.get("commitment_date")), zone), state,
                    currency.code(), Lines.money(OdooValues.amount(row.get("amount_untaxed")), currency.decimals()),
                    Lines.money(OdooValues.amount(row.get("amount_tax")), currency.decimals()),
                    Lines.money(OdooValues.amount(row.get("amount_total")), currency.decimals()), mapped,
                    OdooValues.name(row.get("user_id")), null,
                    companyId == null ? null : "res.company/" + companyId, version);
            snapshots.add(new Snapshot("sale.order/" + id, id, OdooValues.text(row.get("write_date")),
                    Fingerprints.of(document.withVersion(null)), state.name(), row.path("state").asString(null), null,
                    null, companyId, document));
        }
        return snapshots;
    }

    private static String partner(JsonNode row) {
        Long partner = OdooValues.id(row.get("partner_id"));
        return partner == null ? null : "res.partner/" + partner;
    }

    /** Odoo's states: 16's {@code done} and 17+'s {@code locked} flag are both a locked order. */
    static SalesOrderState state(JsonNode row) {
        String state = row.path("state").asString("");
        if ("sale".equals(state) && row.path("locked").asBoolean(false)) {
            return SalesOrderState.LOCKED;
        }
        return switch (state) {
            case "draft" -> SalesOrderState.QUOTATION;
            case "sent" -> SalesOrderState.QUOTATION_SENT;
            case "sale" -> SalesOrderState.CONFIRMED;
            case "done" -> SalesOrderState.LOCKED;
            case "cancel" -> SalesOrderState.CANCELLED;
            default -> SalesOrderState.UNKNOWN;
        };
    }

    private static LocalDate localDate(LocalDateTime utc, ZoneId zone) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }

    @Override
    public List<TopicRecord> events(Snapshot now, RecordEntry previous, Stamp stamp) {
        SalesOrder order = (SalesOrder) now.document().withVersion(stamp.version());
        if (previous == null || !previous.published()) {
            return List.of(new SalesOrderCreated(stamp.eventId(), stamp.occurredAt(), order));
        }
        if (!previous.state().equals(now.state())) {
            return List.of(new SalesOrderStateChanged(stamp.eventId(), stamp.occurredAt(),
                    SalesOrderState.valueOf(previous.state()), order));
        }
        return List.of(new SalesOrderUpdated(stamp.eventId(), stamp.occurredAt(), order));
    }
}
