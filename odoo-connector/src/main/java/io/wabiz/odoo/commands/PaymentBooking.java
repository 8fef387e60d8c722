package io.wabiz.odoo.commands;

import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import io.wabiz.odoo.sync.OdooCatalog;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code PaymentReceived} → a payment registered on the invoice, as Odoo's "Register Payment" button makes it
 * ({@code account.payment.register} create with the invoice in {@code active_ids}, then
 * {@code action_create_payments}), once per provider transaction. The memo carries the provider and its transaction
 * id ({@code WAVE T_3XK81QZ}); before booking, Odoo is searched for a payment with that memo ({@code ref} in 16/17,
 * {@code memo} in 18), so that an answer lost after Odoo booked it cannot book it twice.
 */
public final class PaymentBooking {

    private static final String INVOICES = "account.move";

    private final Odoo odoo;
    private final OdooCatalog catalog;
    private final CommandLog log;
    private final ConnectorProperties properties;

    public PaymentBooking(Odoo odoo, OdooCatalog catalog, CommandLog log, ConnectorProperties properties) {
        this.odoo = odoo;
        this.catalog = catalog;
        this.log = log;
        this.properties = properties;
    }

    static String memo(PaymentReceived payment) {
        return payment.provider().toUpperCase(Locale.ROOT).replace('-', ' ') + " " + payment.providerTransactionId();
    }

    /** One provider transaction, one payment in Odoo. */
    public static String key(PaymentReceived payment) {
        return "payment:" + payment.provider() + ":" + payment.providerTransactionId();
    }

    public Outcome apply(PaymentReceived payment) {
        if (payment.providerTransactionId() == null || payment.providerTransactionId().isBlank()
                || payment.provider() == null || payment.amount() == null || payment.amount().signum() <= 0) {
            throw new IllegalArgumentException("PaymentReceived " + payment.id() + " needs a provider, a transaction id "
                    + "and a positive amount");
        }
        long invoiceId = Commands.odooId(payment.invoiceId(), INVOICES);
        String key = key(payment);
        AppliedCommand entry = log.find(key);
        if (entry != null && entry.finished()) {
            return new Outcome(entry.status(), "already booked: " + entry.outcome());
        }
        log.begin(key, payment.id(), "payment", payment.invoiceId());
        String memo = memo(payment);
        String memoField = catalog.has("account.payment", "memo") ? "memo" : "ref";
        JsonNode existing = odoo.read(client -> client.execute("account.payment", "search_count",
                List.of(List.of(List.of(memoField, "=", memo))), Map.of()));
        if (existing.asLong(0) > 0) {
            String outcome = "a payment with the memo " + memo + " is in Odoo already";
            log.finish(key, AppliedCommand.Status.APPLIED, outcome);
            return Outcome.applied(outcome);
        }
        JsonNode rows = odoo.read(client -> client.read(INVOICES, List.of(invoiceId), List.of("name", "state",
                "amount_residual", "currency_id", "company_id"), Map.of()));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("invoice " + payment.invoiceId() + " does not exist in Odoo: the "
                    + payment.provider() + " payment " + payment.providerTransactionId() + " must be booked by hand");
        }
        JsonNode invoice = rows.get(0);
        String currency = OdooValues.name(invoice.get("currency_id"));
        if (payment.currency() != null && currency != null && !payment.currency().equalsIgnoreCase(currency)) {
            throw new IllegalArgumentException("the payment is in " + payment.currency() + ", invoice "
                    + invoice.path("name").asString() + " in " + currency + ": book it by hand");
        }
        BigDecimal residual = OdooValues.amount(invoice.get("amount_residual"));
        if (!"posted".equals(invoice.path("state").asString("")) || residual == null || residual.signum() <= 0) {
            // Odoo would refuse: "nothing left to pay"; the money still came in, an accountant must see it
            throw new IllegalArgumentException("invoice " + invoice.path("name").asString() + " has nothing left to "
                    + "pay (state " + invoice.path("state").asString() + ", residual " + residual + "): the "
                    + payment.provider() + " payment " + payment.providerTransactionId() + " of " + payment.amount()
                    + " must be booked by hand");
        }
        Long company = OdooValues.id(invoice.get("company_id"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("active_model", INVOICES);
        context.put("active_ids", List.of(invoiceId));
        context.put("dont_redirect_to_payments", true);
        if (company != null) {
            context.put("allowed_company_ids", List.of(company));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("amount", payment.amount());
        values.put("communication", memo);
        values.put("payment_date", (payment.paidAt() != null ? payment.paidAt() : payment.occurredAt())
                .atZone(zone(company)).toLocalDate().toString());
        if (properties.commands().paymentJournalId() != null) {
            values.put("journal_id", properties.commands().paymentJournalId());
        }
        JsonNode wizard = odoo.write(client -> client.execute("account.payment.register", "create", List.of(values),
                Map.of("context", context)));
        log.step(key, "wizard");
        odoo.write(client -> client.execute("account.payment.register", "action_create_payments",
                List.of(List.of(wizard.longValue())), Map.of("context", context)));
        log.step(key, "payment");
        odoo.write(client -> client.execute(INVOICES, "message_post", List.of(List.of(invoiceId)), OrderCommands.note(
                "Paid " + payment.amount().toPlainString() + " " + (payment.currency() == null ? "" : payment.currency())
                        + " with " + payment.provider() + " (transaction " + payment.providerTransactionId()
                        + ") through the WhatsApp payment link")));
        String outcome = "booked " + payment.amount().toPlainString() + " on " + invoice.path("name").asString()
                + " (memo " + memo + ")";
        log.finish(key, AppliedCommand.Status.APPLIED, outcome);
        return Outcome.applied(outcome);
    }

    private ZoneId zone(Long company) {
        return properties.companies().stream().filter(c -> company != null && c.id() == company).findFirst()
                .map(c -> ZoneId.of(c.timeZone())).orElse(ZoneId.of("UTC"));
    }
}
