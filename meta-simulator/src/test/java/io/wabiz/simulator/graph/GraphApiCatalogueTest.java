package io.wabiz.simulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.wabiz.simulator.SimulatorHttpTest;
import tools.jackson.databind.JsonNode;

class GraphApiCatalogueTest extends SimulatorHttpTest {

    @Test
    void pagesThroughTheTemplatesWithMetasCursors() {
        List<String> names = new ArrayList<>();
        String page = "/v23.0/" + WABA_ID + "/message_templates?limit=2&fields=name,status,language,components";
        int pages = 0;
        while (page != null) {
            Answer answer = graphGet(page);
            assertThat(answer.status()).isEqualTo(200);
            answer.json().path("data").forEach(t -> names.add(t.path("name").asString() + ":" + t.path("language").asString()));
            assertThat(answer.json().path("data").size()).isLessThanOrEqualTo(2);
            JsonNode paging = answer.json().path("paging");
            assertThat(paging.path("cursors").path("before").asString()).isNotBlank();
            assertThat(paging.path("cursors").path("after").asString()).isNotBlank();
            page = paging.has("next") ? paging.path("next").asString().replaceFirst("^http://[^/]+", "") : null;
            pages++;
        }

        assertThat(pages).isEqualTo((names.size() + 1) / 2);
        assertThat(names).startsWith("hello_world:en_US", "order_created:fr", "invoice_unpaid_reminder:fr",
                "invoice_available:fr", "invoice_document:fr", "conversation_reopen:fr", "promo_new_catalogue:fr");
        // then the platform's shipped definitions (templates/*.json), as approved
        assertThat(names).contains("sales_order_created:fr", "sales_order_created:en").doesNotHaveDuplicates();
    }

    @Test
    void describesTemplatesWithMetasFieldsAndComponents() {
        JsonNode data = graphGet("/v23.0/" + WABA_ID + "/message_templates?limit=100").json().path("data");
        JsonNode metaTemplate = fixture("retTemplate1.json").path("data").path(1);

        JsonNode orderCreated = find(data, "order_created");
        assertThat(fieldNames(orderCreated)).containsAll(fieldNames(metaTemplate).stream()
                .filter(f -> !f.equals("previous_category")).toList());
        assertThat(orderCreated.path("status").asString()).isEqualTo("APPROVED");
        assertThat(orderCreated.path("category").asString()).isEqualTo("UTILITY");
        JsonNode components = orderCreated.path("components");
        assertThat(components.path(0).path("type").asString()).isEqualTo("BODY");
        assertThat(components.path(0).path("text").asString()).contains("{{1}}").contains("{{3}}");
        assertThat(components.path(0).path("example").path("body_text").path(0).size()).isEqualTo(3);
        JsonNode buttons = components.path(2).path("buttons");
        assertThat(buttons.size()).isEqualTo(3);
        assertThat(buttons.path(0).path("type").asString()).isEqualTo("QUICK_REPLY");
        assertThat(find(data, "promo_new_catalogue").path("status").asString()).isEqualTo("PENDING");
        assertThat(graphGet("/v23.0/" + WABA_ID + "/message_templates?status=PENDING").json().path("data").size())
                .isEqualTo(1);
    }

    @Test
    void describesThePhoneNumberWithMetasFields() {
        Answer answer = graphGet("/v23.0/" + PHONE_ID);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(fieldNames(answer.json())).isEqualTo(fieldNames(fixture("phone-phoneNumber.json")));
        assertThat(answer.json().path("display_phone_number").asString()).isEqualTo("+221 33 800 00 01");
        assertThat(answer.json().path("verified_name").asString()).isEqualTo("Wabiz Local");
        assertThat(answer.json().path("quality_rating").asString()).isEqualTo("GREEN");
        assertThat(graphGet("/v23.0/" + WABA_ID + "/phone_numbers").json().path("data").size()).isEqualTo(2);
    }

    @Test
    void describesTheWabaAndItsSubscribedAppForTheSendersDiagnosis() {
        assertThat(graphGet("/v23.0/" + WABA_ID + "?fields=id,name").json().path("id").asString()).isEqualTo(WABA_ID);
        assertThat(graphGet("/v23.0/" + WABA_ID + "/subscribed_apps").json().path("data").size()).isEqualTo(1);
    }

    @Test
    void keepsAnUploadedDocumentSendsItAndServesItForDownload() {
        byte[] pdf = "%PDF-1.4 facture FAC-2026-0001".getBytes(StandardCharsets.US_ASCII);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("messaging_product", "whatsapp");
        form.add("type", "application/pdf");
        form.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "FAC-2026-0001.pdf";
            }
        });
        Answer upload = answer(http.post().uri("/v23.0/" + PHONE_ID + "/media")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve().toEntity(String.class));
        assertThat(upload.status()).isEqualTo(200);
        assertThat(fieldNames(upload.json())).isEqualTo(Set.of("id"));
        String mediaId = upload.json().path("id").asString();

        Answer media = graphGet("/v23.0/" + mediaId);
        assertThat(fieldNames(media.json())).isEqualTo(fieldNames(fixture("media.json")));
        assertThat(media.json().path("mime_type").asString()).isEqualTo("application/pdf");
        assertThat(media.json().path("file_size").asInt()).isEqualTo(pdf.length);
        ResponseEntity<byte[]> download = http.get().uri(media.json().path("url").asString())
                .retrieve().toEntity(byte[].class);
        assertThat(download.getBody()).isEqualTo(pdf);

        customerWrites("221770000201", "Ma facture ?");
        Answer sent = send("""
                {"messaging_product":"whatsapp","to":"221770000201","type":"document",
                 "document":{"id":"%s","filename":"FAC-2026-0001.pdf","caption":"Votre facture"}}""".formatted(mediaId));
        assertThat(sent.status()).isEqualTo(200);
        JsonNode document = simulatorGet("/simulator/customers/221770000201/chat").json().path("messages").path(1);
        assertThat(document.path("downloadUrl").asString()).isEqualTo("/simulator/media/" + mediaId);
        assertThat(http.get().uri(document.path("downloadUrl").asString()).retrieve().toEntity(byte[].class).getBody())
                .isEqualTo(pdf);
    }

    @Test
    void rejectsADocumentWithAnUnknownMediaId() {
        customerWrites("221770000202", "Bonjour");

        Answer answer = send("""
                {"messaging_product":"whatsapp","to":"221770000202","type":"document","document":{"id":"404"}}""");

        assertThat(answer.errorCode()).isEqualTo(131009);
    }

    @Test
    void answersAnUnknownObjectLikeMeta() {
        Answer answer = graphGet("/v23.0/454545");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldNames(answer.json().path("error")))
                .isEqualTo(fieldNames(fixture("phone-phoneNumberNotFoundError.json").path("error")));
        assertThat(answer.json().path("error").path("type").asString()).isEqualTo("GraphMethodException");
        assertThat(answer.json().path("error").path("code").asInt()).isEqualTo(100);
        assertThat(answer.json().path("error").path("error_subcode").asInt()).isEqualTo(33);
        assertThat(answer.json().path("error").path("message").asString()).contains("'454545' does not exist");
    }

    private static JsonNode find(JsonNode data, String name) {
        for (JsonNode template : data) {
            if (template.path("name").asString().equals(name)) {
                return template;
            }
        }
        throw new AssertionError("no template " + name);
    }

    private static Set<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().collect(Collectors.toSet());
    }
}
