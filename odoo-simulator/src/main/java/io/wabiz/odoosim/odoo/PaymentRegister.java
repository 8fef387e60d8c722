package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Register Payment" wizard, {@code account.payment.register} (O16-O18
 * {@code addons/account/wizard/account_payment_register.py}): created with the invoices in
 * {@code context.active_ids}, it refuses what Odoo refuses (another model, drafts in 16/17, nothing left to pay);
 * {@code action_create_payments} makes the {@code account.payment} with the memo, lowers the residual (a smaller
 * amount makes a partial payment) and answers {@code true} or the payment's window action.
 */
final class PaymentRegister implements ModelBehaviour {

    static final String MODEL = "account.payment.register";
    private static final String MOVES = "__move_ids";

    private final Invoices invoices;

    PaymentRegister(Invoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        Object activeModel = tx.env().context("active_model");
        if (!"account.move".equals(activeModel) && !"account.move.line".equals(activeModel)) {
            throw OdooError.userError("The register payment wizard should only be called on account.move or "
                    + "account.move.line records.");
        }
        List<Long> moves = Orm.ids(tx.env().context("active_ids"));
        if ("account.move.line".equals(activeModel)) {
            moves = moves.stream().map(line -> (Long) tx.get(InvoiceLines.MODEL, line, "move_id")).distinct().toList();
        }
        boolean v18 = tx.database().odooVersion().atLeast(18);
        double residual = 0;
        Long currency = null;
        Long company = null;
        String memo = null;
        for (Long move : moves) {
            Map<String, Object> row = Rows.require(tx, Invoices.MODEL, move);
            if (!v18 && !"posted".equals(row.get("state"))) {
                throw OdooError.userError("You can only register payment for posted journal entries.");
            }
            if (company != null && !company.equals(row.get("company_id"))) {
                throw OdooError.userError("You can't create payments for entries belonging to different companies.");
            }
            company = Rows.id(row, "company_id");
            currency = Rows.id(row, "currency_id");
            residual += Rows.number(row, "amount_residual");
            memo = memo == null ? (Rows.string(row, "payment_reference") != null ? Rows.string(row, "payment_reference")
                    : Rows.string(row, "name")) : memo;
        }
        if (moves.isEmpty() || Rows.isZero(tx, currency, residual)) {
            throw OdooError.userError("You can't register a payment because there is nothing left to pay on the "
                    + "selected journal items.");
        }
        values.put(MOVES, List.copyOf(moves));
        values.putIfAbsent("amount", Rows.round(tx, currency, residual));
        values.putIfAbsent("payment_date", Rows.today(tx));
        values.putIfAbsent("journal_id", Invoices.journal(tx, company, "bank"));
        values.putIfAbsent("communication", memo);
        values.putIfAbsent("currency_id", currency);
        values.putIfAbsent("payment_difference_handling", "open");
        values.putIfAbsent("group_payment", Boolean.FALSE);
    }

    @Override
    public Object compute(Transaction tx, long id, Field field) {
        return null;
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        return "Pay";
    }

    @Override
    public Optional<RpcMethod> method(String name) {
        if (!name.equals("action_create_payments")) {
            return Optional.empty();
        }
        return Optional.of(RpcMethod.onRecords((tx, ids, args, kwargs) -> {
            List<Long> payments = new ArrayList<>();
            for (Long wizard : ids) {
                payments.add(pay(tx, Rows.require(tx, MODEL, wizard)));
            }
            if (tx.env().flag("dont_redirect_to_payments")) {
                return true;
            }
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("name", "Payments");
            action.put("type", "ir.actions.act_window");
            action.put("res_model", "account.payment");
            action.put("context", Map.of("create", false));
            if (payments.size() == 1) {
                action.put("view_mode", "form");
                action.put("res_id", payments.getFirst());
            } else {
                action.put("view_mode", tx.database().odooVersion().atLeast(18) ? "list,form" : "tree,form");
                action.put("domain", List.of(List.of("id", "in", payments)));
            }
            return action;
        }));
    }

    private long pay(Transaction tx, Map<String, Object> wizard) {
        List<Long> moves = Rows.ids(wizard, MOVES);
        Map<String, Object> firstMove = Rows.require(tx, Invoices.MODEL, moves.getFirst());
        double residual = moves.stream().mapToDouble(m -> Rows.number(tx.row(Invoices.MODEL, m), "amount_residual"))
                .sum();
        if (Rows.isZero(tx, Rows.id(wizard, "currency_id"), residual)) {
            throw OdooError.userError("You can't register a payment because there is nothing left to pay on the "
                    + "selected journal items.");
        }
        boolean v18 = tx.database().odooVersion().atLeast(18);
        Long journal = Rows.id(wizard, "journal_id");
        LocalDate date = (LocalDate) wizard.get("payment_date");
        String code = journal == null ? "BNK1" : String.valueOf(tx.get("account.journal", journal, "code"));
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("name", Sequences.next(tx, "account.payment." + code, "P" + code + "/%(year)s/", 5,
                (Long) firstMove.get("company_id"), date.getYear()));
        double amount = Rows.number(wizard, "amount");
        payment.put("amount", amount);
        payment.put("date", date);
        payment.put("currency_id", wizard.get("currency_id"));
        payment.put("partner_id", firstMove.get("commercial_partner_id"));
        payment.put("journal_id", journal);
        payment.put("payment_type", "inbound");
        payment.put("partner_type", "customer");
        payment.put("state", v18 ? "in_process" : "posted");
        payment.put(v18 ? "memo" : "ref", wizard.get("communication"));
        payment.put("is_reconciled", true);
        payment.put("is_matched", false);
        payment.put("company_id", firstMove.get("company_id"));
        payment.put("__invoice_ids", List.copyOf(moves));
        if (v18) {
            payment.put("invoice_ids", List.copyOf(moves));
        }
        long paymentId = tx.insert("account.payment", payment);
        boolean writeOff = "reconcile".equals(wizard.get("payment_difference_handling")) && amount < residual;
        double left = amount;
        for (Long move : moves) {
            double due = Rows.number(tx.row(Invoices.MODEL, move), "amount_residual");
            double applied = Math.min(left, due);
            left -= applied;
            tx.update("account.payment", paymentId, Map.of("__applied_" + move, applied), false);
            invoices.apply(tx, move, paymentId, applied, writeOff);
            if (v18) {
                List<Long> matched = new ArrayList<>(Rows.ids(tx.row(Invoices.MODEL, move), "matched_payment_ids"));
                matched.add(paymentId);
                tx.update(Invoices.MODEL, move, Map.of("matched_payment_ids", List.copyOf(matched)), false);
            }
        }
        return paymentId;
    }

    /** {@code account.payment}: the reconciled invoices are computed, not stored. */
    static final class Payments implements ModelBehaviour {
        @Override
        public Object compute(Transaction tx, long id, Field field) {
            return field.name().equals("reconciled_invoice_ids")
                    ? Rows.ids(tx.row("account.payment", id), "__invoice_ids") : null;
        }
    }
}
