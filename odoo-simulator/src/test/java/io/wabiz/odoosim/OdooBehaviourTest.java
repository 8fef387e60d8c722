package io.wabiz.odoosim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.OdooVersion;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviours that differ between Odoo versions, and custom fields, on the plain-Java server (no HTTP). */
@SuppressWarnings("unchecked")
class OdooBehaviourTest {

    private static final OdooServer.User ADMIN = new OdooServer.User(2, "api-user", "Mitchell Admin", "pw", "key",
            true, List.of(1L), "en_US", "Africa/Dakar");
    private static final OdooServer.User CLERK = new OdooServer.User(6, "clerk", "Sales Clerk", "pw6", "key6", false,
            List.of(1L), "fr_FR", "Africa/Dakar");

    private static OdooServer server(String version) {
        return new OdooServer(new OdooServer.Settings(OdooVersion.of(version), "wabiz", List.of(ADMIN, CLERK), true,
                "paid", false), Clock.systemUTC());
    }

    private static Object call(OdooServer server, Object... executeKwArgs) {
        return server.dispatch("object", "execute_kw", List.of(executeKwArgs), "127.0.0.1");
    }

    private static long order(OdooServer server) {
        return (Long) call(server, "wabiz", 2L, "key", "sale.order", "create", List.of(Map.of("partner_id", 42L,
                "order_line", List.of(List.of(0L, 0L, Map.of("product_id", 88L, "product_uom_qty", 4.0))))), Map.of());
    }

    private static Object state(OdooServer server, long order) {
        return ((List<Map<String, Object>>) call(server, "wabiz", 2L, "key", "sale.order", "read",
                List.of(List.of(order), List.of("state")), Map.of())).getFirst().get("state");
    }

    @Test
    void odoo16ConfirmsAnOrderAlreadyConfirmedAndLocksWithDone() {
        OdooServer server = server("16.0");
        long order = order(server);
        assertThat(call(server, "wabiz", 2L, "key", "sale.order", "action_confirm", List.of(List.of(order)), Map.of()))
                .isEqualTo(true);
        assertThat(call(server, "wabiz", 2L, "key", "sale.order", "action_confirm", List.of(List.of(order)), Map.of()))
                .as("16 does not refuse an order in sale: the connector must re-read first").isEqualTo(true);
        call(server, "wabiz", 2L, "key", "sale.order", "action_done", List.of(List.of(order)), Map.of());
        assertThat(state(server, order)).isEqualTo("done");
        assertThatThrownBy(() -> call(server, "wabiz", 2L, "key", "sale.order", "action_confirm", List.of(List.of(order)),
                Map.of())).hasMessage("It is not allowed to confirm an order in the following states: done, cancel");
    }

    @Test
    void odoo18RefusesWithoutNamingTheOrdersAndKeepsTheMemoInMemo() {
        OdooServer server = server("18.0");
        long order = order(server);
        call(server, "wabiz", 2L, "key", "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        assertThatThrownBy(() -> call(server, "wabiz", 2L, "key", "sale.order", "action_confirm", List.of(List.of(order)),
                Map.of())).hasMessage("Some orders are not in a state requiring confirmation.");
        assertThatThrownBy(() -> call(server, "wabiz", 2L, "key", "sale.order", "_action_cancel", List.of(List.of(order)),
                Map.of())).hasMessage("Private methods (such as 'sale.order._action_cancel') cannot be called remotely.");
        assertThat(server.database().registry().model("account.payment").has("memo")).isTrue();
        assertThat(server.database().registry().model("account.payment").has("ref")).isFalse();
        long move = (Long) call(server, "wabiz", 2L, "key", "account.move", "create", List.of(Map.of("move_type",
                "out_invoice", "partner_id", 42L)), Map.of());
        assertThat(((List<Map<String, Object>>) call(server, "wabiz", 2L, "key", "account.move", "read",
                List.of(List.of(move), List.of("name")), Map.of())).getFirst().get("name"))
                .as("18 leaves a draft's name empty").isEqualTo(false);
    }

    @Test
    void aCustomFieldCreatedOverTheApiIsUsableAtOnceAndNeedsAccessRights() {
        OdooServer server = server("17.0");
        Map<String, Object> field = Map.of("model_id", 492L, "name", "x_whatsapp_opt_in", "field_description",
                "WhatsApp opt-in", "ttype", "boolean");
        assertThatThrownBy(() -> call(server, "wabiz", 6L, "key6", "ir.model.fields", "create", List.of(field), Map.of()))
                .isInstanceOfSatisfying(OdooError.class, e -> assertThat(e.pythonClass())
                        .isEqualTo("odoo.exceptions.AccessError"));
        assertThatThrownBy(() -> call(server, "wabiz", 2L, "key", "ir.model.fields", "create", List.of(Map.of(
                "model_id", 492L, "name", "whatsapp_opt_in", "field_description", "x", "ttype", "boolean")), Map.of()))
                .hasMessage("The operation cannot be completed: Custom fields must have a name that starts with 'x_'!");

        call(server, "wabiz", 2L, "key", "ir.model.fields", "create", List.of(field), Map.of());
        long order = order(server);
        call(server, "wabiz", 2L, "key", "sale.order", "write", List.of(List.of(order), Map.of("x_whatsapp_opt_in", true)),
                Map.of());
        assertThat(((List<Map<String, Object>>) call(server, "wabiz", 2L, "key", "sale.order", "read",
                List.of(List.of(order), List.of("x_whatsapp_opt_in")), Map.of())).getFirst().get("x_whatsapp_opt_in"))
                .isEqualTo(true);
        Map<String, Object> described = (Map<String, Object>) call(server, "wabiz", 2L, "key", "sale.order",
                "fields_get", List.of(List.of("x_whatsapp_opt_in")), Map.of("attributes", List.of("type", "manual")));
        assertThat(described).containsEntry("x_whatsapp_opt_in", Map.of("manual", true, "type", "boolean"));
    }

    @Test
    void aFailedCallChangesNothing() {
        OdooServer server = server("17.0");
        long order = order(server);
        assertThatThrownBy(() -> call(server, "wabiz", 2L, "key", "sale.order", "write", List.of(List.of(order),
                Map.of("client_order_ref", "PO-1", "x_not_a_field", true)), Map.of()))
                .hasMessage("Invalid field 'x_not_a_field' on model 'sale.order'");
        Env env = server.env(ADMIN, Map.of());
        Object reference = server.database().read(env, tx -> tx.get("sale.order", order, "client_order_ref"));
        assertThat(reference).isNull();
    }

    @Test
    void aPartialPaymentLowersTheResidualAndTheSecondFullOneSettlesIt() {
        OdooServer server = server("17.0");
        long order = order(server);
        call(server, "wabiz", 2L, "key", "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        Map<String, Object> active = Map.of("context", Map.of("active_model", "sale.order", "active_ids", List.of(order)));
        long wizard = (Long) call(server, "wabiz", 2L, "key", "sale.advance.payment.inv", "create",
                List.of(Map.of("advance_payment_method", "delivered")), active);
        long move = (Long) ((Map<String, Object>) call(server, "wabiz", 2L, "key", "sale.advance.payment.inv",
                "create_invoices", List.of(List.of(wizard)), active)).get("res_id");
        call(server, "wabiz", 2L, "key", "account.move", "action_post", List.of(List.of(move)), Map.of());
        Map<String, Object> onInvoice = Map.of("context", Map.of("active_model", "account.move", "active_ids",
                List.of(move), "dont_redirect_to_payments", true));

        long partial = (Long) call(server, "wabiz", 2L, "key", "account.payment.register", "create",
                List.of(Map.of("amount", 10000.0, "communication", "WAVE T_1")), onInvoice);
        assertThat(call(server, "wabiz", 2L, "key", "account.payment.register", "action_create_payments",
                List.of(List.of(partial)), onInvoice)).isEqualTo(true);
        Map<String, Object> invoice = ((List<Map<String, Object>>) call(server, "wabiz", 2L, "key", "account.move", "read",
                List.of(List.of(move), List.of("amount_total", "amount_residual", "payment_state",
                        "invoice_payments_widget")), Map.of())).getFirst();
        assertThat(invoice.get("payment_state")).isEqualTo("partial");
        assertThat(invoice.get("amount_residual")).isEqualTo(23600.0 - 10000.0);
        assertThat(((List<Map<String, Object>>) ((Map<String, Object>) invoice.get("invoice_payments_widget"))
                .get("content")).getFirst()).containsEntry("amount", 10000.0).containsEntry("name", "WAVE T_1");

        long rest = (Long) call(server, "wabiz", 2L, "key", "account.payment.register", "create", List.of(Map.of()),
                onInvoice);
        call(server, "wabiz", 2L, "key", "account.payment.register", "action_create_payments", List.of(List.of(rest)),
                onInvoice);
        assertThat(((List<Map<String, Object>>) call(server, "wabiz", 2L, "key", "account.move", "read",
                List.of(List.of(move), List.of("payment_state")), Map.of())).getFirst()).containsEntry("payment_state",
                "paid");
        assertThatThrownBy(() -> call(server, "wabiz", 2L, "key", "account.payment.register", "create",
                List.of(Map.of()), onInvoice)).hasMessage("You can't register a payment because there is nothing "
                + "left to pay on the selected journal items.");
    }
}
