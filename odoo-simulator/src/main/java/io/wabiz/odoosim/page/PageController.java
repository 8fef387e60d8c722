package io.wabiz.odoosim.page;

import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.RecordWrites;
import io.wabiz.odoosim.orm.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person does on the page, as an Odoo user would in Odoo's own screens: every action goes through the
 * same ORM methods as the JSON-RPC calls (so the automation webhooks fire), as the first configured user, in
 * French and Dakar's time zone.
 */
@RestController
class PageController {

    private final OdooServer server;

    PageController(OdooServer server) {
        this.server = server;
    }

    record NewPartner(String name, String mobile, String phone, String email, String lang, String countryCode,
                      Boolean isCompany) {
    }

    record NewLine(Long productId, BigDecimal quantity, BigDecimal priceUnit, String note) {
    }

    record NewOrder(Long partnerId, List<NewLine> lines, String clientOrderRef) {
    }

    record NewPayment(BigDecimal amount, String memo, String date, Long journalId) {
    }

    record LineChange(BigDecimal quantity, BigDecimal priceUnit) {
    }

    @GetMapping("/simulator/overview")
    Map<String, Object> overview() {
        return read(PageViews::overview);
    }

    @GetMapping("/simulator/orders/{id}")
    Map<String, Object> order(@PathVariable long id) {
        return read(tx -> {
            if (!tx.exists("sale.order", id)) {
                throw new NotFoundException("sale.order " + id);
            }
            return PageViews.order(tx, id);
        });
    }

    @GetMapping("/simulator/invoices/{id}")
    Map<String, Object> invoice(@PathVariable long id) {
        return read(tx -> {
            if (!tx.exists("account.move", id)) {
                throw new NotFoundException("account.move " + id);
            }
            return PageViews.invoice(tx, id);
        });
    }

    @PostMapping("/simulator/partners")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createPartner(@RequestBody NewPartner body) {
        if (body.name() == null || body.name().isBlank()) {
            throw new IllegalArgumentException("a partner needs a name");
        }
        return write(tx -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", body.name().strip());
            values.put("mobile", blankToFalse(body.mobile()));
            values.put("phone", blankToFalse(body.phone()));
            values.put("email", blankToFalse(body.email()));
            values.put("lang", body.lang() == null || body.lang().isBlank() ? "fr_FR" : body.lang());
            values.put("is_company", Boolean.TRUE.equals(body.isCompany()));
            String country = body.countryCode() == null || body.countryCode().isBlank() ? "SN" : body.countryCode();
            List<Long> countries = Orm.search(tx, tx.model("res.country"), List.of(List.of("code", "=",
                    country.toUpperCase())), 0, 1L, null);
            values.put("country_id", countries.isEmpty() ? false : countries.getFirst());
            long id = RecordWrites.create(tx, tx.model("res.partner"), values);
            return Map.of("id", id);
        });
    }

    @PostMapping("/simulator/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createOrder(@RequestBody NewOrder body) {
        if (body.partnerId() == null) {
            throw new IllegalArgumentException("an order needs a partnerId");
        }
        if (body.lines() == null || body.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        return write(tx -> {
            List<Object> lines = new ArrayList<>();
            for (NewLine line : body.lines()) {
                Map<String, Object> values = new LinkedHashMap<>();
                if (line.note() != null && !line.note().isBlank() && line.productId() == null) {
                    values.put("display_type", "line_note");
                    values.put("name", line.note());
                } else {
                    if (line.productId() == null) {
                        throw new IllegalArgumentException("a line needs a productId (or a note)");
                    }
                    values.put("product_id", line.productId());
                    values.put("product_uom_qty", line.quantity() == null ? 1.0 : line.quantity().doubleValue());
                    if (line.priceUnit() != null) {
                        values.put("price_unit", line.priceUnit().doubleValue());
                    }
                }
                lines.add(List.of(0L, 0L, values));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("partner_id", body.partnerId());
            values.put("order_line", lines);
            if (body.clientOrderRef() != null && !body.clientOrderRef().isBlank()) {
                values.put("client_order_ref", body.clientOrderRef());
            }
            long id = RecordWrites.create(tx, tx.model("sale.order"), values);
            return Map.of("id", id, "name", tx.get("sale.order", id, "name"));
        });
    }

    @PostMapping("/simulator/orders/{id}/lines/{lineId}")
    Map<String, Object> changeLine(@PathVariable long id, @PathVariable long lineId, @RequestBody LineChange body) {
        return write(tx -> {
            Map<String, Object> values = new LinkedHashMap<>();
            if (body.quantity() != null) {
                values.put("product_uom_qty", body.quantity().doubleValue());
            }
            if (body.priceUnit() != null) {
                values.put("price_unit", body.priceUnit().doubleValue());
            }
            Orm.call(tx, tx.model("sale.order"), "write", List.of(List.of(id), Map.of("order_line",
                    List.of(List.of(1L, lineId, values)))), Map.of());
            return Map.of("id", id);
        });
    }

    @PostMapping("/simulator/orders/{id}/{action:confirm|cancel|quotation-sent|draft|lock|unlock}")
    Map<String, Object> orderAction(@PathVariable long id, @PathVariable String action) {
        String method = switch (action) {
            case "confirm" -> "action_confirm";
            case "cancel" -> "action_cancel";
            case "quotation-sent" -> "action_quotation_sent";
            case "draft" -> "action_draft";
            case "lock" -> "action_lock";
            default -> "action_unlock";
        };
        // "Cancel" on the page is the cancel wizard's own button: it cancels without asking again
        Map<String, Object> context = action.equals("cancel") ? Map.of("disable_cancel_warning", true) : Map.of();
        return write(context, tx -> {
            Object result = Orm.call(tx, tx.model("sale.order"), method, List.of(List.of(id)), Map.of());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("state", tx.get("sale.order", id, "state"));
            answer.put("result", result);
            return answer;
        });
    }

    @PostMapping("/simulator/orders/{id}/invoice")
    Map<String, Object> invoiceOrder(@PathVariable long id) {
        return write(Map.of("active_model", "sale.order", "active_ids", List.of(id), "active_id", id), tx -> {
            long wizard = RecordWrites.create(tx, tx.model("sale.advance.payment.inv"), Map.of("advance_payment_method",
                    "delivered"));
            Object action = Orm.call(tx, tx.model("sale.advance.payment.inv"), "create_invoices",
                    List.of(List.of(wizard)), Map.of());
            return Map.of("invoiceId", ((Map<?, ?>) action).get("res_id"));
        });
    }

    @PostMapping("/simulator/invoices/{id}/{action:post|reset-to-draft|cancel}")
    Map<String, Object> invoiceAction(@PathVariable long id, @PathVariable String action) {
        String method = switch (action) {
            case "post" -> "action_post";
            case "reset-to-draft" -> "button_draft";
            default -> "button_cancel";
        };
        return write(tx -> {
            Orm.call(tx, tx.model("account.move"), method, List.of(List.of(id)), Map.of());
            return Map.of("id", id, "state", tx.get("account.move", id, "state"));
        });
    }

    @PostMapping("/simulator/invoices/{id}/payments")
    Map<String, Object> registerPayment(@PathVariable long id, @RequestBody(required = false) NewPayment body) {
        return write(Map.of("active_model", "account.move", "active_ids", List.of(id), "dont_redirect_to_payments", true),
                tx -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    if (body != null && body.amount() != null) {
                        values.put("amount", body.amount().doubleValue());
                    }
                    if (body != null && body.memo() != null && !body.memo().isBlank()) {
                        values.put("communication", body.memo());
                    }
                    if (body != null && body.date() != null && !body.date().isBlank()) {
                        values.put("payment_date", body.date());
                    }
                    if (body != null && body.journalId() != null) {
                        values.put("journal_id", body.journalId());
                    }
                    long wizard = RecordWrites.create(tx, tx.model("account.payment.register"), values);
                    Orm.call(tx, tx.model("account.payment.register"), "action_create_payments",
                            List.of(List.of(wizard)), Map.of());
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("id", id);
                    answer.put("paymentState", tx.get("account.move", id, "payment_state"));
                    answer.put("amountResidual", tx.get("account.move", id, "amount_residual"));
                    return answer;
                });
    }

    private Env pageEnv(Map<String, Object> context) {
        OdooServer.User user = server.settings().users().getFirst();
        Map<String, Object> full = new LinkedHashMap<>(Map.of("lang", "fr_FR", "tz", "Africa/Dakar"));
        full.putAll(context);
        return server.env(user, full);
    }

    private <T> T read(Function<Transaction, T> work) {
        return server.database().read(pageEnv(Map.of()), work);
    }

    private <T> T write(Function<Transaction, T> work) {
        return write(Map.of(), work);
    }

    private <T> T write(Map<String, Object> context, Function<Transaction, T> work) {
        return server.write(pageEnv(context), work);
    }

    private static Object blankToFalse(String value) {
        return value == null || value.isBlank() ? false : value.strip();
    }
}
