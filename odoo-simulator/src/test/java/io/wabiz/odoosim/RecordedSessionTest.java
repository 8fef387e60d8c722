package io.wabiz.odoosim;

import static io.wabiz.odoosim.RecordedExchanges.request;
import static io.wabiz.odoosim.RecordedExchanges.response;
import static io.wabiz.odoosim.RecordedExchanges.shapeDifferences;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session recorded from a real Odoo 17.0 server, replayed against the stand-in call by call: every answer
 * has the recorded shape (keys, JSON types, error envelope) and, where the data allows, the recorded values and
 * messages word for word.
 */
class RecordedSessionTest extends SimulatorHttpTest {

    @Test
    void answersTheRecordedSessionAsOdoo17Did() {
        assertThat(replay("common.version")).isEqualTo(response("common.version"));
        assertThat(replay("common.authenticate")).isEqualTo(response("common.authenticate"));
        assertThat(replay("common.authenticate-wrong-password")).isEqualTo(response("common.authenticate-wrong-password"));
        assertSameError("execute_kw-wrong-password", replay("execute_kw-wrong-password"));
        assertThat(replay("res.country.search_read-SN")).isEqualTo(response("res.country.search_read-SN"));
        assertSameShape("res.currency.search_read-XOF", replay("res.currency.search_read-XOF"));

        JsonNode partner = replay("res.partner.create");
        assertSameShape("res.partner.create", partner);
        JsonNode read = replay("res.partner.read", ids(partner.get("result").longValue()));
        assertSameShape("res.partner.read", read);
        assertThat(read.get("result").get(0).get("country_id")).isEqualTo(response("res.partner.read").get("result")
                .get(0).get("country_id"));
        assertSameShape("res.partner.search_read-since", replay("res.partner.search_read-since"));
        assertThat(replay("res.partner.read-missing")).isEqualTo(response("res.partner.read-missing"));
        assertSameShape("product.product.search_read", replay("product.product.search_read"));
        assertThat(replay("product.product.write-invoice_policy")).isEqualTo(response("product.product.write-invoice_policy"));

        long order = replay("sale.order.create").get("result").longValue();
        JsonNode draft = replay("sale.order.read-draft", ids(order));
        assertSameShape("sale.order.read-draft", draft);
        assertThat(draft.get("result").get(0).get("state").stringValue()).isEqualTo("draft");
        assertThat(draft.get("result").get(0).get("order_line")).hasSize(4);
        assertSameShape("sale.order.line.search_read", replay("sale.order.line.search_read", domainId(order)));
        assertThat(replay("sale.order.fields_get-subset")).isEqualTo(response("sale.order.fields_get-subset"));
        assertThat(replay("ir.model.search-sale.order")).isEqualTo(response("ir.model.search-sale.order"));
        assertSameError("ir.model.fields.create-x_whatsapp_validated", replay("ir.model.fields.create-x_whatsapp_validated"));

        assertThat(replay("sale.order.action_confirm", ids(order))).isEqualTo(response("sale.order.action_confirm"));
        JsonNode confirmed = replay("sale.order.read-confirmed", ids(order));
        assertSameShape("sale.order.read-confirmed", confirmed);
        assertThat(confirmed.get("result").get(0).get("state").stringValue()).isEqualTo("sale");
        assertThat(confirmed.get("result").get(0).get("invoice_status").stringValue()).isEqualTo("to invoice");
        String name = confirmed.get("result").get(0).get("name").stringValue();
        assertSameError("sale.order.action_confirm-again", replay("sale.order.action_confirm-again", ids(order)),
                "S00023", name);
        assertThat(replay("sale.order.write-x_whatsapp_validated", ids(order)))
                .isEqualTo(response("sale.order.write-x_whatsapp_validated"));
        assertSameShape("sale.order.message_post", replay("sale.order.message_post", ids(order)));
        assertSameError("sale.order.write-unknown-field", replay("sale.order.write-unknown-field", ids(order)));

        long second = replay("sale.order.create-second").get("result").longValue();
        assertThat(replay("sale.order.action_confirm-second", ids(second))).isEqualTo(response("sale.order.action_confirm-second"));
        JsonNode wizard = replay("sale.order.action_cancel-confirmed", ids(second));
        assertThat(shapeDifferences(response("sale.order.action_cancel-confirmed"), wizard, Set.of())).isEmpty();
        assertThat(wizard.get("result").get("res_model").stringValue()).isEqualTo("sale.order.cancel");
        assertThat(wizard.get("result").get("context").get("default_order_id").longValue()).isEqualTo(second);
        assertThat(replay("sale.order.read-cancelled", ids(second)).get("result").get(0).get("state").stringValue())
                .as("the wizard's action cancels nothing").isEqualTo("sale");
        assertThat(replay("sale.order.action_cancel-disable_cancel_warning", ids(second)))
                .isEqualTo(response("sale.order.action_cancel-disable_cancel_warning"));
        JsonNode cancelled = replay("sale.order.read-cancelled", ids(second));
        assertSameShape("sale.order.read-cancelled", cancelled);
        assertThat(cancelled.get("result").get(0).get("state").stringValue()).isEqualTo("cancel");
        String secondName = cancelled.get("result").get(0).get("name").stringValue();
        assertSameError("sale.order.action_confirm-cancelled", replay("sale.order.action_confirm-cancelled", ids(second)),
                "S00024", secondName);
        assertSameError("sale.order._action_cancel-private", replay("sale.order._action_cancel-private", ids(second)));
        assertSameShape("sale.order.search_read-since", replay("sale.order.search_read-since"));

        JsonNode invoicing = replay("sale.advance.payment.inv.create", activeOrder(order));
        assertSameShape("sale.advance.payment.inv.create", invoicing);
        JsonNode action = replay("sale.advance.payment.inv.create_invoices", r -> {
            activeOrder(order).accept(r);
            ids(invoicing.get("result").longValue()).accept(r);
        });
        assertThat(shapeDifferences(response("sale.advance.payment.inv.create_invoices"), action, Set.of())).isEmpty();
        long invoice = action.get("result").get("res_id").longValue();
        assertSameShape("sale.order.read-name", replay("sale.order.read-name", ids(order)));
        JsonNode fromOrder = replay("account.move.search-from-order", r -> leafValue(r, name));
        assertThat(fromOrder.get("result").get(0).longValue()).isEqualTo(invoice);

        JsonNode draftInvoice = replay("account.move.read-draft", ids(invoice));
        assertSameShape("account.move.read-draft", draftInvoice);
        assertThat(draftInvoice.get("result").get(0).get("name").stringValue()).isEqualTo("/");
        assertThat(replay("account.move.action_post", ids(invoice))).isEqualTo(response("account.move.action_post"));
        JsonNode posted = replay("account.move.read-posted", ids(invoice));
        assertSameShape("account.move.read-posted", posted);
        JsonNode postedInvoice = posted.get("result").get(0);
        assertThat(postedInvoice.get("name").stringValue()).matches("INV/\\d{4}/\\d{5}");
        assertThat(postedInvoice.get("payment_reference").stringValue()).isEqualTo(postedInvoice.get("name").stringValue());
        assertThat(postedInvoice.get("invoice_origin").stringValue()).isEqualTo(name);
        assertSameShape("account.move.line.search_read-invoice-lines", replay("account.move.line.search_read-invoice-lines",
                r -> ((ArrayNode) r.get("params").get("args").get(5).get(0).get(0).get(2)).set(0, invoice)));
        assertSameShape("account.move.read-total", replay("account.move.read-total", ids(invoice)));

        double total = postedInvoice.get("amount_total").doubleValue();
        JsonNode register = replay("account.payment.register.create-partial", activeInvoice(invoice));
        assertSameShape("account.payment.register.create-partial", register);
        JsonNode payments = replay("account.payment.register.action_create_payments", r -> {
            activeInvoice(invoice).accept(r);
            ids(register.get("result").longValue()).accept(r);
        });
        assertThat(shapeDifferences(response("account.payment.register.action_create_payments"), payments, Set.of()))
                .isEmpty();
        JsonNode partial = replay("account.move.read-partially-paid", ids(invoice)).get("result").get(0);
        assertThat(partial.get("payment_state").stringValue()).isEqualTo("partial");
        assertThat(partial.get("amount_residual").doubleValue()).isEqualTo(total - 115000.0);
        assertSameShape("account.move.search_read-open-overdue", replay("account.move.search_read-open-overdue"));
        assertSameError("account.move.action_post-again", replay("account.move.action_post-again", ids(invoice)),
                "INV/2026/00005 (id 25)", postedInvoice.get("name").stringValue() + " (id " + invoice + ")");
    }

    /** Sends the recorded request, changed by {@code patch}. */
    private JsonNode replay(String fixture, Consumer<ObjectNode> patch) {
        ObjectNode request = request(fixture, KEY);
        patch.accept(request);
        JsonNode answer = rpcRaw(request.toString());
        assertThat(answer.get("id")).as("the id is echoed").isEqualTo(request.get("id"));
        return answer;
    }

    private JsonNode replay(String fixture) {
        return replay(fixture, r -> {
        });
    }

    /** Our record instead of the recorded one, as {@code args[0]} of a record method. */
    private static Consumer<ObjectNode> ids(long id) {
        return request -> ((ArrayNode) request.get("params").get("args").get(5))
                .set(0, RecordedExchanges.JSON.createArrayNode().add(id));
    }

    private static Consumer<ObjectNode> domainId(long id) {
        return request -> ((ArrayNode) request.get("params").get("args").get(5).get(0).get(0)).set(2, id);
    }

    private static void leafValue(ObjectNode request, String value) {
        ((ArrayNode) request.get("params").get("args").get(5).get(0).get(0)).set(2, value);
    }

    private static Consumer<ObjectNode> activeOrder(long order) {
        return request -> {
            ObjectNode context = (ObjectNode) request.get("params").get("args").get(6).get("context");
            context.set("active_ids", RecordedExchanges.tree(java.util.List.of(order)));
            context.put("active_id", order);
        };
    }

    private static Consumer<ObjectNode> activeInvoice(long invoice) {
        return request -> ((ObjectNode) request.get("params").get("args").get(6).get("context"))
                .set("active_ids", RecordedExchanges.tree(java.util.List.of(invoice)));
    }

    private static void assertSameShape(String fixture, JsonNode answer) {
        assertThat(shapeDifferences(response(fixture), answer, Set.of())).as(fixture).isEmpty();
    }

    /** The same error class, message and arguments as recorded (names changed from the recorded to ours). */
    private static void assertSameError(String fixture, JsonNode answer, String... recordedAndOurs) {
        JsonNode expected = response(fixture).get("error");
        JsonNode actual = answer.get("error");
        assertThat(actual).as(fixture + " answers an error").isNotNull();
        assertThat(shapeDifferences(expected, actual, Set.of())).as(fixture).isEmpty();
        String message = expected.get("data").get("message").stringValue();
        for (int i = 0; i < recordedAndOurs.length; i += 2) {
            message = message.replace(recordedAndOurs[i], recordedAndOurs[i + 1]);
        }
        assertThat(actual.get("code").intValue()).isEqualTo(200);
        assertThat(actual.get("message").stringValue()).isEqualTo("Odoo Server Error");
        assertThat(actual.get("data").get("name")).isEqualTo(expected.get("data").get("name"));
        assertThat(actual.get("data").get("message").stringValue()).isEqualTo(message);
        assertThat(actual.get("data").get("arguments").get(0).stringValue()).isEqualTo(message);
        assertThat(actual.get("data").get("debug").stringValue()).contains(expected.get("data").get("debug")
                .stringValue().replace("  [traceback removed]", "").replace(
                        recordedAndOurs.length > 0 ? recordedAndOurs[0] : "\u0000",
                        recordedAndOurs.length > 1 ? recordedAndOurs[1] : "\u0000"));
    }
}
