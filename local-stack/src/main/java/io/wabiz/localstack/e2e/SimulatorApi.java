package io.wabiz.localstack.e2e;

import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.StackService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** The Meta simulator's customer REST API (meta-simulator/README.md): what a customer does and sees. */
public final class SimulatorApi {

    private final JsonHttp http;

    /** The simulator of a running stack. */
    public static SimulatorApi of(RunningStack stack) {
        return new SimulatorApi(stack.url(StackService.META_SIMULATOR));
    }

    public SimulatorApi(String baseUrl) {
        this.http = new JsonHttp(baseUrl, Map.of());
    }

    public void createCustomer(String waId, String name) {
        int status = http.post("/simulator/customers", Map.of("waId", waId, "name", name)).status();
        if (status != 200 && status != 201) {
            throw new AssertionError("creating customer " + waId + " answered " + status);
        }
    }

    /** The customer writes to the business; returns the inbound message's wamid. */
    public String customerWrites(String waId, String text) {
        return http.post("/simulator/customers/" + waId + "/messages", Map.of("text", text)).expect(202)
                .body().path("wamid").asString();
    }

    public String customerTapsButton(String waId, String businessWamid, String buttonId) {
        return http.post("/simulator/customers/" + waId + "/button-replies",
                Map.of("messageWamid", businessWamid, "buttonId", buttonId)).expect(202).body().path("wamid").asString();
    }

    public void expireWindow(String waId) {
        http.post("/simulator/customers/" + waId + "/window/expire", Map.of()).expect(200);
    }

    /** The chat as the customer's phone shows it, oldest first. */
    public List<JsonNode> chat(String waId) {
        JsonNode messages = http.get("/simulator/customers/" + waId + "/chat").expect(200).body().path("messages");
        return StreamSupport.stream(messages.spliterator(), false).toList();
    }

    public Optional<JsonNode> businessMessage(String waId, java.util.function.Predicate<JsonNode> matching) {
        return chat(waId).stream().filter(m -> "BUSINESS".equals(m.path("direction").asString())).filter(matching)
                .findFirst();
    }

    /** A webhook signed with a wrong key, sent once to the ingress; returns the ingress' HTTP status. */
    public int sendForgedWebhook(String waId, String text) {
        return http.post("/simulator/webhooks/forged", Map.of("waId", waId, "text", text)).expect(200).body()
                .path("httpStatus").asInt();
    }

    /** The Graph API calls the simulator received, newest first. */
    public List<JsonNode> graphRequests() {
        JsonNode requests = http.get("/simulator/requests?limit=200").expect(200).body();
        List<JsonNode> all = new ArrayList<>();
        requests.forEach(all::add);
        return all;
    }
}
