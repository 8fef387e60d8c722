package io.wabiz.odoo.sync;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.Payment;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Customer invoices ({@code account.move} of type {@code out_invoice}) with their product lines, payments and taxes
 * to {@link Invoice}. Drafts publish nothing; the first posted sight is {@code InvoicePosted}; settled
 * ({@code paid} or {@code in_payment}) is {@code InvoicePaid}; cancelled {@code InvoiceCancelled}; any other change
 * the platform sees (a partial payment: the residual) {@code InvoiceUpdated} with the residual and payment state
 * before. A posted invoice reset to draft publishes nothing until it is posted again.
 */
final class InvoiceFeed implements ModelFeed {

    static final List<String> FIELDS = List.of("name", "move_type", "state", "payment_state", "partner_id",
            "invoice_date", "invoice_date_due", "currency_id", "amount_untaxed", "amount_tax", "amount_total",
            "amount_residual", "invoice_origin", "payment_reference", "company_id", "write_date", "tax_totals");
    static final List<String> LINE_FIELDS = List.of("move_id", "display_type", "product_id", "name", "quantity",
            "product_uom_id", "price_unit", "discount", "price_subtotal", "sequence");

    private final Odoo odoo;
    private final OdooCatalog catalog;
    private final ConnectorProperties.Mapping mapping;

    InvoiceFeed(Odoo odoo, OdooCatalog catalog, ConnectorProperties.Mapping mapping) {
        this.odoo = odoo;
        this.catalog = catalog;
        this.mapping = mapping;
    }

    @Override
    public SyncedModel kind() {
        return SyncedModel.INVOICES;
    }

    @Override
    public List<Object> domain(ConnectorProperties.Company company) {
        return List.of(List.of("move_type", "=", "out_invoice"), List.of("company_id", "=", company.id()));
    }

    @Override
    public List<Snapshot> read(List<Long> ids, Companies companies) {
        Map<String, Object> context = companies.context();
        List<String> wanted = new ArrayList<>(FIELDS);
        if (mapping.readPayments()) {
            wanted.add("invoice_payments_widget");
        }
        if (mapping.invoiceDisputeField() != null && !mapping.invoiceDisputeField().isBlank()) {
            wanted.add(mapping.invoiceDisputeField());
        }
        List<String> fields = catalog.existing("account.move", wanted);
        JsonNode rows = odoo.read(client -> client.read("account.move", ids, fields, context));
        List<String> lineFields = catalog.existing("account.move.line", LINE_FIELDS);
        JsonNode lines = odoo.read(client -> client.searchRead("account.move.line",
                List.of(List.of("move_id", "in", ids), List.of("display_type", "in", List.of("product"))), lineFields,
                "move_id, sequence, id", 0, null, context));
        Map<Long, List<JsonNode>> linesByMove = new HashMap<>();
        lines.forEach(line -> linesByMove.computeIfAbsent(OdooValues.id(line.get("move_id")), k -> new ArrayList<>())
                .add(line));
        List<Snapshot> snapshots = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            Long companyId = OdooValues.id(row.get("company_id"));
            if (!"out_invoice".equals(row.path("move_type").asString("")) || !companies.contains(companyId)) {
                continue;
            }
            long id = row.get("id").longValue();
            OdooCatalog.Currency currency = catalog.currency(OdooValues.id(row.get("currency_id")));
            int decimals = currency.decimals();
            List<DocumentLine> mapped = linesByMove.getOrDefault(id, List.of()).stream().filter(Lines::productLine)
                    .map(line -> Lines.of(line, "quantity", "product_uom_id", decimals)).toList();
            String odooPaymentState = row.path("payment_state").asString("not_paid");
            BigDecimal residual = Lines.money(OdooValues.amount(row.get("amount_residual")), decimals);
            boolean disputed = "blocked".equals(odooPaymentState) || mapping.invoiceDisputeField() != null
                    && row.path(mapping.invoiceDisputeField()).asBoolean(false);
            Long partner = OdooValues.id(row.get("partner_id"));
            String state = row.path("state").asString("draft");
            Snapshot.Versioned document = version -> new Invoice("account.move/" + id,
                    "draft".equals(state) ? null : OdooValues.text(row.get("name")),
                    partner == null ? null : "res.partner/" + partner, OdooValues.name(row.get("partner_id")),
                    OdooValues.date(row.get("invoice_date")), OdooValues.date(row.get("invoice_date_due")),
                    currency.code(), Lines.money(OdooValues.amount(row.get("amount_untaxed")), decimals),
                    Lines.money(OdooValues.amount(row.get("amount_tax")), decimals),
                    Lines.money(OdooValues.amount(row.get("amount_total")), decimals), residual,
                    paymentState(odooPaymentState), OdooValues.text(row.get("payment_reference")),
                    OdooValues.text(row.get("invoice_origin")), mapped, payments(row.get("invoice_payments_widget"),
                    decimals), companyId == null ? null : "res.company/" + companyId, version, disputed,
                    TaxTotals.of(row.get("tax_totals"), decimals));
            snapshots.add(new Snapshot("account.move/" + id, id, OdooValues.text(row.get("write_date")),
                    Fingerprints.of(List.of(state, document.withVersion(null))), state, state, residual,
                    odooPaymentState, companyId,
                    document));
        }
        return snapshots;
    }

    static PaymentState paymentState(String odoo) {
        return switch (odoo) {
            case "not_paid", "blocked" -> PaymentState.NOT_PAID;
            case "partial" -> PaymentState.PARTIAL;
            case "in_payment" -> PaymentState.IN_PAYMENT;
            case "paid" -> PaymentState.PAID;
            case "reversed" -> PaymentState.REVERSED;
            default -> PaymentState.UNKNOWN;
        };
    }

    /**
     * The payments of {@code invoice_payments_widget} (O17 {@code _compute_payments_widget_reconciled_info}): each
     * entry's {@code ref} is the payment's number with its memo in parentheses; the memo is the reference.
     */
    static List<Payment> payments(JsonNode widget, int decimals) {
        if (OdooValues.empty(widget) || !widget.path("content").isArray()) {
            return List.of();
        }
        List<Payment> payments = new ArrayList<>();
        for (JsonNode entry : widget.get("content")) {
            String ref = OdooValues.text(entry.get("ref"));
            String reference = ref != null && ref.endsWith(")") && ref.contains(" (")
                    ? ref.substring(ref.indexOf(" (") + 2, ref.length() - 1)
                    : ref != null ? ref : OdooValues.text(entry.get("name"));
            payments.add(new Payment(reference, Lines.money(OdooValues.amount(entry.get("amount")), decimals),
                    OdooValues.date(entry.get("date")), OdooValues.text(entry.get("journal_name"))));
        }
        return payments;
    }

    @Override
    public boolean publishes(Snapshot now, RecordEntry previous) {
        return previous != null && previous.published() || "posted".equals(now.state());
    }

    @Override
    public List<TopicRecord> events(Snapshot now, RecordEntry previous, Stamp stamp) {
        Invoice invoice = (Invoice) now.document().withVersion(stamp.version());
        if (previous == null || !previous.published()) {
            return List.of(new InvoicePosted(stamp.eventId(), stamp.occurredAt(), invoice));
        }
        if ("cancel".equals(now.state())) {
            return List.of(new InvoiceCancelled(stamp.eventId(), stamp.occurredAt(), invoice));
        }
        if (!"posted".equals(now.state())) {
            return List.of(); // reset to draft: nothing to tell until it is posted again
        }
        boolean settled = invoice.paymentState() == PaymentState.PAID || invoice.paymentState() == PaymentState.IN_PAYMENT;
        boolean wasSettled = "paid".equals(previous.paymentState()) || "in_payment".equals(previous.paymentState());
        if (settled && !wasSettled) {
            return List.of(new InvoicePaid(stamp.eventId(), stamp.occurredAt(), invoice));
        }
        return List.of(new InvoiceUpdated(stamp.eventId(), stamp.occurredAt(),
                previous.residual() == null ? null : new BigDecimal(previous.residual()),
                previous.paymentState() == null ? null : paymentState(previous.paymentState()), invoice));
    }
}
