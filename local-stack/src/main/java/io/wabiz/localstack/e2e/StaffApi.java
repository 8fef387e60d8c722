package io.wabiz.localstack.e2e;

import io.wabiz.events.ConversationKey;
import io.wabiz.events.EventJson;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.LocalSecrets;
import io.wabiz.localstack.services.StackService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The conversation-service staff API, called as the staff console does, with the local stack's static token. */
public final class StaffApi {

    public static final String LOCAL_AGENT_TOKEN = "local-agent-token";

    private final JsonHttp http;

    /** The staff API (conversation-service) of a running stack. */
    public static StaffApi of(RunningStack stack) {
        return new StaffApi(stack.url(StackService.CONVERSATION_SERVICE));
    }

    public StaffApi(String baseUrl) {
        this.http = new JsonHttp(baseUrl, Map.of("Authorization", "Bearer " + LOCAL_AGENT_TOKEN));
    }

    public static String conversationId(String customerWaId) {
        return ConversationKey.of(LocalSecrets.PHONE_NUMBER_ID, customerWaId);
    }

    /** The conversation's messages, oldest first. */
    public List<JsonNode> messages(String customerWaId) {
        JsonHttp.Answer answer = http.get("/api/conversations/" + conversationId(customerWaId) + "/messages?size=200");
        if (answer.status() == 404) {
            return List.of();
        }
        JsonNode body = answer.expect(200).body();
        JsonNode items = body.isArray() ? body : body.path("content").isArray() ? body.path("content") : body.path("items");
        List<JsonNode> messages = new ArrayList<>();
        items.forEach(messages::add);
        return messages;
    }

    public Optional<JsonNode> message(String customerWaId, String wamid) {
        return messages(customerWaId).stream().filter(m -> wamid.equals(m.path("wamid").asString())).findFirst();
    }

    /** Sends to a phone number; the raw answer, since a refusal is an expected outcome. */
    public JsonHttp.Answer send(String customerWaId, OutboundContent content, OutboundContent.Template fallback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", "+" + customerWaId);
        body.put("content", json(content));
        if (fallback != null) {
            body.put("fallbackTemplate", json(fallback));
        }
        return http.post("/api/messages", body);
    }

    /** Answers a customer's message, quoting it. */
    public JsonHttp.Answer reply(String inboundWamid, OutboundContent content) {
        return http.post("/api/messages/" + inboundWamid + "/reply", Map.of("content", json(content)));
    }

    /** The content as the API reads it: with its {@code kind}, which only the base type's writer adds. */
    private static JsonNode json(OutboundContent content) {
        return EventJson.mapper().readTree(EventJson.mapper().writerFor(OutboundContent.class).writeValueAsString(content));
    }
}
