package io.wabiz.odoosim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The page a person uses, and its API: a quotation to a paid invoice, with the WhatsApp flags and chatter. */
class PageTest extends SimulatorHttpTest {

    @Test
    void servesThePageWithTheHooksBrowserTestsUse() {
        HttpResponse<String> page = send("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"new-partner-form\"", "id=\"partner-name\"", "id=\"partner-mobile\"",
                "id=\"new-order-form\"", "id=\"order-partner\"", "id=\"order-submit\"", "id=\"order-list\"",
                "id=\"invoice-list\"", "id=\"detail\"", "id=\"error\"", "src=\"app.js\"");
        assertThat(send("GET", "/app.js", null, null).body()).contains("dataTestid: 'order-item'",
                "dataTestid: 'invoice-item'", "dataTestid: 'whatsapp-flag'", "dataTestid: 'chatter-message'",
                "id: 'order-confirm'", "id: 'order-invoice'", "id: 'invoice-post'", "id: 'payment-amount'",
                "id: 'payment-submit'", "/simulator/version");
    }

    @Test
    void takesAQuotationToAPartlyPaidInvoiceAndShowsWhatTheConnectorWrote() {
        long partner = post("/simulator/partners", "{\"name\":\"Fatou Sow\",\"mobile\":\"77 000 00 09\"}").get("id")
                .longValue();
        JsonNode order = post("/simulator/orders", "{\"partnerId\":" + partner + ",\"lines\":[{\"productId\":88,"
                + "\"quantity\":10},{\"productId\":91,\"quantity\":5,\"priceUnit\":4800}]}");
        long orderId = order.get("id").longValue();
        assertThat(order.get("name").stringValue()).matches("S\\d{5}");
        assertThat(post("/simulator/orders/" + orderId + "/confirm", "{}").get("state").stringValue()).isEqualTo("sale");

        // what the connector does over JSON-RPC shows on the page
        result("sale.order", "write", List.of(List.of(orderId), Map.of("x_whatsapp_validated", true,
                "x_whatsapp_validated_date", "2026-12-01 10:00:00")), Map.of());
        result("sale.order", "message_post", List.of(List.of(orderId)), Map.of("body",
                "Confirmed by the customer on WhatsApp (wamid.TEST1)", "message_type", "comment",
                "subtype_xmlid", "mail.mt_note"));
        JsonNode detail = get("/simulator/orders/" + orderId);
        assertThat(detail.get("amount_total").doubleValue()).isEqualTo((10 * 5000 + 5 * 4800) * 1.18);
        JsonNode validated = find(detail.get("flags"), "x_whatsapp_validated");
        assertThat(validated.get("set").booleanValue()).isTrue();
        assertThat(validated.get("date").stringValue()).isEqualTo("2026-12-01 10:00:00");
        assertThat(detail.get("chatter").get(0).get("body").stringValue())
                .isEqualTo("<p>Confirmed by the customer on WhatsApp (wamid.TEST1)</p>");

        long invoice = post("/simulator/orders/" + orderId + "/invoice", "{}").get("invoiceId").longValue();
        post("/simulator/invoices/" + invoice + "/post", "{}");
        JsonNode paid = post("/simulator/invoices/" + invoice + "/payments", "{\"amount\":30000,\"memo\":\"Cash\"}");
        assertThat(paid.get("paymentState").stringValue()).isEqualTo("partial");
        JsonNode shown = get("/simulator/invoices/" + invoice);
        assertThat(shown.get("amount_residual").doubleValue()).isEqualTo(87320.0 - 30000.0);
        assertThat(shown.get("payments").get(0).get("amount").doubleValue()).isEqualTo(30000.0);
        assertThat(shown.get("name").stringValue()).matches("INV/\\d{4}/\\d{5}");
        assertThat(get("/simulator/overview").get("invoices").get(0).get("payment_state").stringValue())
                .isEqualTo("partial");
    }

    @Test
    void saysWhyOdooRefusedAnAction() {
        long order = post("/simulator/orders", "{\"partnerId\":42,\"lines\":[{\"productId\":88}]}").get("id").longValue();
        post("/simulator/orders/" + order + "/cancel", "{}");

        HttpResponse<String> refused = send("POST", "/simulator/orders/" + order + "/confirm", "{}", "application/json");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("not in a state requiring confirmation");
    }

    private static JsonNode find(JsonNode flags, String field) {
        for (JsonNode flag : flags) {
            if (flag.get("field").stringValue().equals(field)) {
                return flag;
            }
        }
        throw new AssertionError("no flag " + field + " in " + flags);
    }
}
