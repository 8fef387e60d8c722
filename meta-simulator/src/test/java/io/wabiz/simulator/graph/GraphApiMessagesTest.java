package io.wabiz.simulator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.wabiz.simulator.SimulatorHttpTest;
import tools.jackson.databind.JsonNode;

class GraphApiMessagesTest extends SimulatorHttpTest {

    @Test
    void answersAnAcceptedTextWithTheShapeOfMetasAnswer() {
        customerWrites("221770000101", "Bonjour");

        Answer answer = send(text("221770000101", "Votre commande est prête"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode metaAnswer = fixture("message.json");
        assertThat(fieldNames(answer.json())).isEqualTo(fieldNames(metaAnswer));
        assertThat(fieldNames(answer.json().path("contacts").path(0)))
                .isEqualTo(fieldNames(metaAnswer.path("contacts").path(0)));
        assertThat(answer.json().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(answer.json().path("contacts").path(0).path("input").asString()).isEqualTo("221770000101");
        assertThat(answer.json().path("contacts").path(0).path("wa_id").asString()).isEqualTo("221770000101");
        String wamid = answer.json().path("messages").path(0).path("id").asString();
        assertThat(wamid).startsWith("wamid.");

        JsonNode chat = simulatorGet("/simulator/customers/221770000101/chat").json();
        JsonNode sent = chat.path("messages").path(1);
        assertThat(sent.path("wamid").asString()).isEqualTo(wamid);
        assertThat(sent.path("direction").asString()).isEqualTo("BUSINESS");
        assertThat(sent.path("text").asString()).isEqualTo("Votre commande est prête");
    }

    @Test
    void rejectsAWrongAccessTokenWithMetasOAuthError() {
        Answer answer = graphPost("/v23.0/" + PHONE_ID + "/messages", text("221770000102", "hi"), "stolen-token");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo(190);
        assertThat(answer.json().path("error").path("type").asString()).isEqualTo("OAuthException");
        assertThat(answer.json().path("error").path("fbtrace_id").asString()).isNotBlank();
    }

    @Test
    void rejectsAnUnknownPhoneNumberIdAsAnUnknownObject() {
        Answer answer = graphPost("/v23.0/999999999999999/messages", text("221770000103", "hi"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(100);
        assertThat(answer.json().path("error").path("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void rejectsABodyThatIsNotJsonWithInvalidParameter() {
        Answer answer = send("{not json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(100);
    }

    static Stream<Arguments> contentBeyondMetasLimits() {
        String fourButtons = IntStream.range(0, 4)
                .mapToObj(i -> "{\"type\":\"reply\",\"reply\":{\"id\":\"b" + i + "\",\"title\":\"Choix " + i + "\"}}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        String elevenRows = IntStream.range(0, 11)
                .mapToObj(i -> "{\"id\":\"r" + i + "\",\"title\":\"Ligne " + i + "\"}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return Stream.of(
                Arguments.of("four reply buttons", interactive(
                        "{\"type\":\"button\",\"body\":{\"text\":\"Choisir\"},\"action\":{\"buttons\":[" + fourButtons + "]}}")),
                Arguments.of("a button title of 21 characters", interactive(
                        "{\"type\":\"button\",\"body\":{\"text\":\"Choisir\"},\"action\":{\"buttons\":[{\"type\":\"reply\","
                                + "\"reply\":{\"id\":\"b\",\"title\":\"" + "x".repeat(21) + "\"}}]}}")),
                Arguments.of("an interactive body of 1025 characters", interactive(
                        "{\"type\":\"button\",\"body\":{\"text\":\"" + "x".repeat(1025) + "\"},\"action\":{\"buttons\":["
                                + "{\"type\":\"reply\",\"reply\":{\"id\":\"b\",\"title\":\"OK\"}}]}}")),
                Arguments.of("a list of 11 rows", interactive(
                        "{\"type\":\"list\",\"body\":{\"text\":\"Menu\"},\"action\":{\"button\":\"Voir\",\"sections\":["
                                + "{\"title\":\"Tout\",\"rows\":[" + elevenRows + "]}]}}")),
                Arguments.of("a text of 4097 characters", """
                        {"messaging_product":"whatsapp","to":"221770000104","type":"text","text":{"body":"%s"}}"""
                        .formatted("x".repeat(4097))),
                Arguments.of("a document without link nor id", """
                        {"messaging_product":"whatsapp","to":"221770000104","type":"document","document":{"filename":"a.pdf"}}"""));
    }

    @ParameterizedTest(name = "rejects {0} with 131009")
    @MethodSource("contentBeyondMetasLimits")
    void rejectsContentBeyondMetasLimitsWithParameterValueNotValid(String what, String body) {
        customerWrites("221770000104", "Bonjour");
        int webhooksBefore = webhooks().size();

        Answer answer = send(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(131009);
        JsonNode error = answer.json().path("error");
        assertThat(error.path("message").asString()).isEqualTo("(#131009) Parameter value is not valid");
        assertThat(error.path("type").asString()).isEqualTo("OAuthException");
        assertThat(error.path("error_data").path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(error.path("error_data").path("details").asString()).isNotBlank();
        assertThat(error.path("fbtrace_id").asString()).isNotBlank();
        assertThat(simulatorGet("/simulator/customers/221770000104/chat").json().path("messages").size())
                .as("a rejected send adds nothing to the chat").isEqualTo(1);
        assertThat(webhooks().size()).isEqualTo(webhooksBefore);
    }

    @Test
    void rejectsAnUnknownTemplateWith132001() {
        Answer answer = send(template("221770000105", "no_such_template", "fr", "[]"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(132001);
        assertThat(answer.json().path("error").path("message").asString())
                .isEqualTo("(#132001) Template name does not exist in the translation");
    }

    @Test
    void rejectsATemplateInAnotherLanguageWith132001() {
        Answer answer = send(template("221770000105", "hello_world", "fr", "[]"));

        assertThat(answer.errorCode()).isEqualTo(132001);
    }

    @Test
    void rejectsATemplateNotYetApprovedWith132001() {
        Answer answer = send(template("221770000105", "promo_new_catalogue", "fr", bodyParameters("Awa")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(132001);
        assertThat(answer.json().path("error").path("error_data").path("details").asString()).contains("PENDING");
    }

    @Test
    void rejectsATemplateWithTooFewParametersWith132000() {
        Answer answer = send(template("221770000105", "order_created", "fr", bodyParameters("Awa", "S00042")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(132000);
        assertThat(answer.json().path("error").path("error_data").path("details").asString())
                .contains("(2)").contains("(3)");
    }

    @Test
    void acceptsAnApprovedTemplateOutsideTheWindowAndRendersItsParameters() {
        Answer answer = send(template("221770000106", "order_created", "fr",
                bodyParameters("Awa", "S00042", "125 000 XOF")
                        + ",{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"0\","
                        + "\"parameters\":[{\"type\":\"payload\",\"payload\":\"order:42:confirm\"}]}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("messages").path(0).path("message_status").asString()).isEqualTo("accepted");
        JsonNode rendered = simulatorGet("/simulator/customers/221770000106/chat").json()
                .path("messages").path(0).path("template");
        assertThat(rendered.path("body").asString())
                .isEqualTo("Bonjour Awa, votre commande S00042 d'un montant de 125 000 XOF a été enregistrée. "
                        + "Merci de la valider.");
        assertThat(rendered.path("buttons").path(0).path("payload").asString()).isEqualTo("order:42:confirm");
        assertThat(rendered.path("buttons").path(1).path("payload").asString())
                .as("without a payload, a quick reply sends its text").isEqualTo("Annuler");
    }

    @Test
    void rejectsFreeFormToACustomerWhoNeverWroteWith131047() {
        Answer answer = send(text("221770000107", "Bonjour"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(131047);
        assertThat(answer.json().path("error").path("message").asString()).isEqualTo("(#131047) Re-engagement message");
    }

    @Test
    void acceptsFreeFormOnceTheCustomerWroteAndRejectsItAgainWhenTheWindowExpired() {
        customerWrites("221770000108", "Bonjour");

        assertThat(send(text("221770000108", "Bonjour Awa")).status()).isEqualTo(200);

        simulator("/simulator/customers/221770000108/window/expire", "{}");
        assertThat(send(text("221770000108", "Encore là ?")).errorCode()).isEqualTo(131047);
    }

    @Test
    void rejectsSendsBeyondTheNumbersRatePerSlidingSecondWith130429() {
        customerWrites("221770000109", "Bonjour");
        List<Answer> answers = new ArrayList<>();
        long start = System.nanoTime();

        for (int i = 0; i < 5; i++) {
            answers.add(graphPost("/v23.0/" + SLOW_PHONE_ID + "/messages", text("221770000109", "message " + i)));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("the five sends must fit in one second for this check to mean anything")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(3);
        Answer limited = answers.getLast();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo(130429);
        assertThat(limited.json().path("error").path("message").asString()).isEqualTo("(#130429) Rate limit hit");
    }

    @Test
    void marksACustomerMessageReadWhenTheBusinessSaysSo() {
        String customerWamid = customerWrites("221770000110", "Bonjour");

        Answer answer = send("""
                {"messaging_product":"whatsapp","status":"read","message_id":"%s"}""".formatted(customerWamid));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("success").asBoolean()).isTrue();
        assertThat(simulatorGet("/simulator/customers/221770000110/chat").json()
                .path("messages").path(0).path("status").asString()).isEqualTo("read");
        assertThat(send("""
                {"messaging_product":"whatsapp","status":"read","message_id":"wamid.unknown"}""").errorCode())
                .isEqualTo(100);
    }

    @Test
    void recordsEachGraphCallWithItsOutcome() {
        send(text("221770000111", "outside the window"));
        customerWrites("221770000111", "Bonjour");
        String wamid = send(text("221770000111", "inside the window")).json().path("messages").path(0).path("id").asString();

        JsonNode requests = simulatorGet("/simulator/requests?limit=2").json();

        assertThat(requests.path(0).path("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(requests.path(0).path("wamid").asString()).isEqualTo(wamid);
        assertThat(requests.path(0).path("phoneNumberId").asString()).isEqualTo(PHONE_ID);
        assertThat(requests.path(1).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(requests.path(1).path("errorCode").asInt()).isEqualTo(131047);
        assertThat(requests.path(1).path("httpStatus").asInt()).isEqualTo(400);
    }

    private static String interactive(String interactive) {
        return """
                {"messaging_product":"whatsapp","to":"221770000104","type":"interactive","interactive":%s}"""
                .formatted(interactive);
    }

    static String template(String to, String name, String language, String components) {
        String list = components.startsWith("[") ? components : "[" + components + "]";
        return """
                {"messaging_product":"whatsapp","to":"%s","type":"template",
                 "template":{"name":"%s","language":{"code":"%s"},"components":%s}}"""
                .formatted(to, name, language, list);
    }

    static String bodyParameters(String... values) {
        return "{\"type\":\"body\",\"parameters\":["
                + Stream.of(values).map(v -> "{\"type\":\"text\",\"text\":\"" + v + "\"}")
                        .reduce((a, b) -> a + "," + b).orElse("")
                + "]}";
    }

    private static Set<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().collect(java.util.stream.Collectors.toSet());
    }
}
