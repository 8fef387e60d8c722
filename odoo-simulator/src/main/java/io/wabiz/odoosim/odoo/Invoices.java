package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code account.move} as customer invoices use it (O16/O17/O18 {@code addons/account/models/account_move.py}):
 * totals from the invoice lines, the residual and {@code payment_state} from the payments applied,
 * {@code action_post} ({@code false}), {@code button_draft} and {@code button_cancel} (no result), the payments
 * widget and the tax totals. Journal items other than the invoice lines (receivable, tax) are not modelled.
 */
final class Invoices implements ModelBehaviour {

    static final String MODEL = "account.move";
    /** The amount of payments applied and their ids: kept in the row, never exposed as fields. */
    static final String PAID = "__paid";
    static final String PAYMENTS = "__payment_ids";

    /** {@code _get_invoice_in_payment_state()}: {@code paid} in Community, {@code in_payment} with Enterprise's accounting. */
    private final String settledState;

    Invoices(String settledState) {
        this.settledState = settledState;
    }

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        Object contextType = tx.env().context("default_move_type");
        values.putIfAbsent("move_type", contextType instanceof String s ? s : "entry");
        long company = values.get("company_id") instanceof Long c ? c : tx.env().companyId();
        values.putIfAbsent("company_id", company);
        values.putIfAbsent("state", "draft");
        values.putIfAbsent("payment_state", "not_paid");
        values.putIfAbsent("currency_id", tx.get("res.company", company, "currency_id"));
        values.putIfAbsent("date", Rows.today(tx));
        if (String.valueOf(values.get("move_type")).startsWith("out_")) {
            // the due date is computed for drafts too (immediate payment term: the invoice date, else today)
            values.putIfAbsent("invoice_date_due", values.get("invoice_date") != null ? values.get("invoice_date")
                    : Rows.today(tx));
        }
        values.putIfAbsent("invoice_user_id", tx.env().uid());
        if (values.get("journal_id") == null) {
            values.put("journal_id", journal(tx, company, String.valueOf(values.get("move_type")).startsWith("out")
                    ? "sale" : "general"));
        }
        if (values.get("name") == null && !tx.database().odooVersion().atLeast(18)) {
            values.put("name", "/");
        }
        if (values.get("partner_id") instanceof Long partner) {
            values.putIfAbsent("commercial_partner_id", tx.get("res.partner", partner, "commercial_partner_id"));
        }
        values.putIfAbsent("amount_untaxed", 0.0);
        values.putIfAbsent("amount_tax", 0.0);
        values.putIfAbsent("amount_total", 0.0);
        values.putIfAbsent("amount_residual", 0.0);
    }

    static Long journal(Transaction tx, long company, String type) {
        for (Long id : tx.ids("account.journal")) {
            Map<String, Object> row = tx.row("account.journal", id);
            if (type.equals(row.get("type")) && Long.valueOf(company).equals(row.get("company_id"))) {
                return id;
            }
        }
        return null;
    }

    @Override
    public void created(Transaction tx, long id) {
        recompute(tx, id);
    }

    @Override
    public void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
        for (Long id : ids) {
            if (fields.contains("partner_id")) {
                Long partner = (Long) tx.get(MODEL, id, "partner_id");
                Map<String, Object> commercial = new LinkedHashMap<>();
                commercial.put("commercial_partner_id", partner == null ? null
                        : tx.get("res.partner", partner, "commercial_partner_id"));
                tx.update(MODEL, id, commercial, false);
            }
            recompute(tx, id);
        }
    }

    @Override
    public void unlinking(Transaction tx, Collection<Long> ids) {
        for (Long id : ids) {
            if ("posted".equals(tx.get(MODEL, id, "state"))) {
                throw OdooError.userError("You cannot delete an entry which has been posted once.");
            }
        }
    }

    /** Totals from the invoice lines; residual and payment state from the payments applied. */
    static void recompute(Transaction tx, long id) {
        Map<String, Object> move = tx.row(MODEL, id);
        if (move == null) {
            return;
        }
        Long currency = Rows.id(move, "currency_id");
        double untaxed = 0;
        double tax = 0;
        for (Long lineId : tx.children(InvoiceLines.MODEL, "move_id", id)) {
            Map<String, Object> line = tx.row(InvoiceLines.MODEL, lineId);
            untaxed += Rows.number(line, "price_subtotal");
            tax += Rows.number(line, "price_total") - Rows.number(line, "price_subtotal");
        }
        double total = Rows.round(tx, currency, untaxed + tax);
        double paid = Rows.number(move, PAID);
        String state = (String) move.get("state");
        double residual = "cancel".equals(state) ? 0.0 : Rows.round(tx, currency, Math.max(0, total - paid));
        String paymentState;
        if (!"posted".equals(state)) {
            paymentState = "not_paid";
        } else if (Rows.isZero(tx, currency, residual) && !Rows.isZero(tx, currency, total)) {
            paymentState = move.get("__settled_as") instanceof String s ? s : "paid";
        } else if (paid > 0) {
            paymentState = "partial";
        } else {
            paymentState = "not_paid";
        }
        if ("blocked".equals(move.get("payment_state")) && !"paid".equals(paymentState)) {
            paymentState = "blocked";
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("amount_untaxed", Rows.round(tx, currency, untaxed));
        totals.put("amount_tax", Rows.round(tx, currency, tax));
        totals.put("amount_total", total);
        totals.put("amount_residual", residual);
        totals.put("payment_state", paymentState);
        tx.update(MODEL, id, totals, false);
    }

    /** Applies a payment: lowers the residual (Odoo reconciles the receivable line with the payment's). */
    void apply(Transaction tx, long id, long paymentId, double amount, boolean fullyPaid) {
        Map<String, Object> move = tx.row(MODEL, id);
        List<Long> payments = new ArrayList<>(Rows.ids(move, PAYMENTS));
        payments.add(paymentId);
        Map<String, Object> changes = new LinkedHashMap<>();
        double paid = Rows.number(move, PAID) + amount;
        if (fullyPaid) {
            paid = Math.max(paid, Rows.number(move, "amount_total"));
        }
        changes.put(PAID, paid);
        changes.put(PAYMENTS, List.copyOf(payments));
        changes.put("__settled_as", settledState);
        tx.update(MODEL, id, changes, false);
        recompute(tx, id);
    }

    @Override
    public Object compute(Transaction tx, long id, Field field) {
        Map<String, Object> move = tx.row(MODEL, id);
        return switch (field.name()) {
            case "invoice_line_ids" -> {
                List<Long> lines = new ArrayList<>();
                for (Long lineId : tx.children(InvoiceLines.MODEL, "move_id", id)) {
                    Object type = tx.get(InvoiceLines.MODEL, lineId, "display_type");
                    if ("product".equals(type) || "line_section".equals(type) || "line_note".equals(type)) {
                        lines.add(lineId);
                    }
                }
                yield lines;
            }
            case "invoice_payments_widget" -> paymentsWidget(tx, id, move);
            case "tax_totals" -> {
                Long currency = Rows.id(move, "currency_id");
                List<Map<String, Object>> lines = new ArrayList<>();
                tx.children(InvoiceLines.MODEL, "move_id", id).forEach(l -> lines.add(tx.row(InvoiceLines.MODEL, l)));
                yield TaxTotals.build(tx, currency, Rows.number(move, "amount_untaxed"),
                        TaxTotals.group(tx, currency, lines, "tax_ids"));
            }
            default -> null;
        };
    }

    /** O17 {@code _compute_payments_widget_reconciled_info}: the payments reconciled with the invoice, or false. */
    private static Object paymentsWidget(Transaction tx, long id, Map<String, Object> move) {
        if (!"posted".equals(move.get("state")) || Rows.ids(move, PAYMENTS).isEmpty()) {
            return null;
        }
        List<Object> content = new ArrayList<>();
        for (Long paymentId : Rows.ids(move, PAYMENTS)) {
            Map<String, Object> payment = tx.row("account.payment", paymentId);
            if (payment == null) {
                continue;
            }
            Long journal = Rows.id(payment, "journal_id");
            String memo = Rows.string(payment, tx.database().odooVersion().atLeast(18) ? "memo" : "ref");
            String name = Rows.string(payment, "name");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", memo == null ? name : memo);
            entry.put("journal_name", journal == null ? false : tx.get("account.journal", journal, "name"));
            entry.put("company_name", false);
            entry.put("amount", Rows.number(payment, "__applied_" + id));
            entry.put("currency_id", payment.get("currency_id"));
            entry.put("date", String.valueOf(payment.get("date")));
            entry.put("partial_id", paymentId);
            entry.put("account_payment_id", paymentId);
            entry.put("payment_method_name", "Manual Payment");
            entry.put("move_id", paymentId);
            entry.put("ref", memo == null ? name : name + " (" + memo + ")");
            entry.put("is_exchange", false);
            entry.put("amount_company_currency", TaxTotals.format(tx, Rows.id(payment, "currency_id"),
                    Rows.number(payment, "__applied_" + id)));
            entry.put("amount_foreign_currency", false);
            content.add(entry);
        }
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("title", "Less Payment");
        widget.put("outstanding", false);
        widget.put("content", content);
        return widget;
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        String name = Rows.string(values, "name");
        if ("draft".equals(values.get("state")) && (name == null || "/".equals(name))) {
            String type = String.valueOf(values.get("move_type"));
            return (type.equals("out_refund") ? "Draft Credit Note" : type.equals("entry") ? "Draft Entry"
                    : "Draft Invoice") + " (* " + id + ")";
        }
        return name == null ? "/" : name;
    }

    @Override
    public Optional<RpcMethod> method(String name) {
        return Optional.ofNullable(switch (name) {
            case "action_post" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                ids.forEach(id -> post(tx, id));
                return false;
            });
            case "button_draft" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                for (Long id : ids) {
                    Map<String, Object> move = Rows.require(tx, MODEL, id);
                    if (!"posted".equals(move.get("state")) && !"cancel".equals(move.get("state"))) {
                        continue;
                    }
                    Map<String, Object> draft = new LinkedHashMap<>();
                    draft.put("state", "draft");
                    draft.put(PAID, 0.0);
                    draft.put(PAYMENTS, List.of()); // the payments stay, as outstanding credits
                    tx.update(MODEL, id, draft, true);
                    recompute(tx, id);
                    SaleOrders.invoiceChanged(tx, id);
                }
                return null;
            });
            case "button_cancel" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                for (Long id : ids) {
                    if (!"draft".equals(Rows.require(tx, MODEL, id).get("state"))) {
                        throw OdooError.userError("Only draft journal entries can be cancelled.");
                    }
                    tx.update(MODEL, id, Map.of("state", "cancel"), true);
                    recompute(tx, id);
                    SaleOrders.invoiceChanged(tx, id);
                }
                return null;
            });
            case "action_register_payment" -> RpcMethod.onRecords((tx, ids, args, kwargs) -> {
                Map<String, Object> context = new LinkedHashMap<>();
                context.put("active_model", MODEL);
                context.put("active_ids", ids);
                Map<String, Object> action = new LinkedHashMap<>();
                action.put("name", "Pay");
                action.put("res_model", "account.payment.register");
                action.put("view_mode", "form");
                action.put("views", List.of(List.of(false, "form")));
                action.put("context", context);
                action.put("target", "new");
                action.put("type", "ir.actions.act_window");
                return action;
            });
            case "message_post" -> Chatter.messagePost(MODEL);
            default -> null;
        });
    }

    private static void post(Transaction tx, long id) {
        Map<String, Object> move = Rows.require(tx, MODEL, id);
        String display = Rows.string(move, "name");
        if (!"draft".equals(move.get("state"))) {
            throw OdooError.userError("The entry " + display + " (id " + id + ") must be in draft.");
        }
        boolean invoice = String.valueOf(move.get("move_type")).matches("(out|in)_(invoice|refund|receipt)");
        if (invoice && move.get("partner_id") == null) {
            throw OdooError.userError("The field 'Customer' is required, please complete it to validate the "
                    + "Customer Invoice.");
        }
        boolean hasLine = tx.children(InvoiceLines.MODEL, "move_id", id).stream()
                .anyMatch(l -> "product".equals(tx.get(InvoiceLines.MODEL, l, "display_type")));
        if (!hasLine) {
            throw OdooError.userError("You need to add a line before posting.");
        }
        LocalDate invoiceDate = move.get("invoice_date") instanceof LocalDate d ? d : Rows.today(tx);
        Map<String, Object> posted = new LinkedHashMap<>();
        posted.put("state", "posted");
        posted.put("invoice_date", invoiceDate);
        posted.put("date", invoiceDate);
        if (move.get("invoice_date_due") == null) {
            posted.put("invoice_date_due", invoiceDate);
        }
        if (display == null || "/".equals(display)) {
            String type = String.valueOf(move.get("move_type"));
            String prefix = type.equals("out_refund") ? "RINV/%(year)s/" : type.equals("entry") ? "MISC/%(year)s/"
                    : "INV/%(year)s/";
            display = Sequences.next(tx, "account.move." + type, prefix, 5, (Long) move.get("company_id"),
                    invoiceDate.getYear());
            posted.put("name", display);
        }
        if (move.get("payment_reference") == null && invoice) {
            posted.put("payment_reference", display);
        }
        tx.update(MODEL, id, posted, true);
        recompute(tx, id);
        SaleOrders.invoiceChanged(tx, id);
    }

    /** The customer invoices, newest first, for the page. */
    static List<Long> customerInvoices(Transaction tx) {
        List<Long> ids = new ArrayList<>();
        for (Long id : tx.ids(MODEL)) {
            if ("out_invoice".equals(tx.get(MODEL, id, "move_type"))) {
                ids.add(id);
            }
        }
        return ids.reversed();
    }

    static Set<Long> ofOrder(Transaction tx, long orderId) {
        return new LinkedHashSet<>(Rows.ids(tx.row(SaleOrders.MODEL, orderId), "invoice_ids"));
    }
}
