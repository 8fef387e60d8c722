package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.StackService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's acceptance path with Odoo on the other end, no event published by the test: a quotation created in the
 * Odoo stand-in (its page's API) → odoo-connector (automation webhook, read back) → billing-notifier → the phone →
 * a tap on Valider → scenario-engine → odoo-connector → the order is confirmed in Odoo with the tap's proof in its
 * chatter and its WhatsApp flags set, and the customer gets the confirmation; an invoice posted in Odoo reaches the
 * phone as its PDF, and a partial payment booked in Odoo gives the residual message, each flag written back.
 */
class OdooOrderFlowIT {

    private static final Duration FLOW = Duration.ofSeconds(60);

    private static SimulatorApi phone;
    private static JsonHttp odoo;

    @BeforeAll
    static void stack() {
        RunningStack stack = PlatformStack.get();
        phone = SimulatorApi.of(stack);
        odoo = new JsonHttp(stack.url(StackService.ODOO_SIMULATOR), Map.of());
    }

    @Test
    void aQuotationCreatedInOdooIsConfirmedInOdooByATapOnValiderWithTheProofInItsChatter() {
        Quotation quotation = aQuotationInOdooFor("Aminata Fall");
        String waId = quotation.waId();
        long order = quotation.order();
        String confirmPrefix = "order:sale.order/" + order + ":confirm:v";

        JsonNode onPhone = await().atMost(FLOW).until(() -> phone.businessMessage(waId,
                m -> buttonIds(m).stream().anyMatch(id -> id.startsWith(confirmPrefix))), Optional::isPresent)
                .orElseThrow();
        String confirm = buttonIds(onPhone).stream().filter(id -> id.startsWith(confirmPrefix)).findFirst()
                .orElseThrow();
        assertThat(onPhone.toString()).contains(quotation.name());
        await().atMost(FLOW).until(() -> flag("/simulator/orders/" + order, "x_whatsapp_creation_sent"));

        String tap = phone.customerTapsButton(waId, onPhone.path("wamid").asString(), confirm);

        await().atMost(FLOW).untilAsserted(() -> {
            JsonNode inOdoo = odoo.get("/simulator/orders/" + order).expect(200).body();
            assertThat(inOdoo.path("state").asString()).isEqualTo("sale");
            assertThat(flag("/simulator/orders/" + order, "x_whatsapp_validated")).isTrue();
            assertThat(inOdoo.path("chatter")).anySatisfy(note -> assertThat(note.path("body").asString())
                    .contains("Confirmed by the customer on WhatsApp", tap, "+" + waId));
        });
        JsonNode confirmation = await().atMost(FLOW).until(() -> phone.businessMessage(waId,
                m -> m.toString().contains("est confirmée")), Optional::isPresent).orElseThrow();
        assertThat(confirmation.path("contextWamid").asString()).isEqualTo(tap);
        await().atMost(FLOW).until(() -> flag("/simulator/orders/" + order, "x_whatsapp_confirmation_sent"));
    }

    @Test
    void aPostedInvoiceReachesThePhoneAsItsPdfAndAPartialPaymentInOdooGivesTheResidualMessage() {
        Quotation quotation = aQuotationInOdooFor("Ibrahima Sow");
        String waId = quotation.waId();
        long order = quotation.order();
        odoo.post("/simulator/orders/" + order + "/confirm", Map.of()).expect(200);
        long invoice = odoo.post("/simulator/orders/" + order + "/invoice", Map.of()).expect(200).body()
                .path("invoiceId").asLong();
        odoo.post("/simulator/invoices/" + invoice + "/post", Map.of()).expect(200);
        String number = odoo.get("/simulator/invoices/" + invoice).expect(200).body().path("name").asString();

        JsonNode pdf = await().atMost(FLOW).until(() -> phone.businessMessage(waId,
                m -> m.toString().contains("voici votre facture") && m.toString().contains(number)),
                Optional::isPresent).orElseThrow();
        assertThat(pdf.path("type").asString()).isEqualTo("document");
        assertThat(pdf.toString().replace('\u202F', ' ').replace('\u00A0', ' ')).contains("23 600");
        await().atMost(FLOW).until(() -> flag("/simulator/invoices/" + invoice, "x_whatsapp_invoice_sent"));

        // 9,000 of the 23,600 paid at the counter, booked in Odoo by an accountant
        odoo.post("/simulator/invoices/" + invoice + "/payments", Map.of("amount", 9000)).expect(200);

        JsonNode residual = await().atMost(FLOW).until(() -> phone.businessMessage(waId,
                m -> m.toString().contains("nous avons bien reçu votre paiement")), Optional::isPresent).orElseThrow();
        assertThat(residual.toString().replace('\u202F', ' ').replace('\u00A0', ' '))
                .contains(number, "9 000", "14 600");
        await().atMost(FLOW).until(() -> flag("/simulator/invoices/" + invoice, "x_whatsapp_residual_sent"));
    }

    /** A customer on the phone page and in Odoo, and a quotation for her (4 bags of cement: 23,600 XOF with VAT). */
    private record Quotation(String waId, long order, String name) {
    }

    private static Quotation aQuotationInOdooFor(String customer) {
        String waId = Customers.newWaId();
        phone.createCustomer(waId, customer);
        // inside the 24-hour window: the order comes as an interactive message with its three reply buttons
        phone.customerWrites(waId, "Bonjour");
        long partner = odoo.post("/simulator/partners", Map.of("name", customer, "mobile", "+" + waId,
                "lang", "fr_FR", "countryCode", "SN")).expect(201).body().path("id").asLong();
        JsonNode created = odoo.post("/simulator/orders", Map.of("partnerId", partner, "lines",
                List.of(Map.of("productId", 88, "quantity", 4)))).expect(201).body();
        return new Quotation(waId, created.path("id").asLong(), created.path("name").asString());
    }

    /** Whether the stand-in's page shows the WhatsApp flag set on a document ({@code /simulator/orders/7}). */
    private static boolean flag(String document, String field) {
        JsonNode flags = odoo.get(document).expect(200).body().path("flags");
        return StreamSupport.stream(flags.spliterator(), false)
                .anyMatch(f -> field.equals(f.path("field").asString()) && f.path("set").asBoolean());
    }

    /** The ids of a message's reply buttons, or its template's quick-reply payloads. */
    private static List<String> buttonIds(JsonNode message) {
        JsonNode interactive = message.path("message").path("interactive").path("action").path("buttons");
        JsonNode template = message.path("template").path("buttons");
        return java.util.stream.Stream.concat(StreamSupport.stream(interactive.spliterator(), false)
                        .map(b -> b.path("reply").path("id").asString()),
                StreamSupport.stream(template.spliterator(), false).map(b -> b.path("payload").asString()))
                .filter(id -> !id.isEmpty()).toList();
    }
}
