package io.wabiz.simulator.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wabiz.simulator.templates.RenderedTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One message of a chat, either way.
 *
 * @param status        business messages: accepted, sent, delivered, read or failed; customer messages:
 *                      received, or read once the business marked it read
 * @param message       business messages: the Graph request's message object as sent
 * @param template      templates: rendered with their parameters
 * @param downloadUrl   documents and images: where the page downloads them
 * @param reply         customer replies: the tapped button or picked row
 * @param category      business messages: the pricing category (template category, or service)
 * @param readRequested business messages: read as soon as delivered
 */
public record ChatMessage(String wamid, String phoneNumberId, String customerWaId, Direction direction, String type,
                          Instant timestamp, String status, List<StatusChange> statuses,
                          String bizOpaqueCallbackData, String contextWamid, List<Map<String, Object>> errors,
                          String text, JsonNode message, RenderedTemplate template, String downloadUrl, Reply reply,
                          String category, boolean readRequested) {

    public enum Direction { BUSINESS, CUSTOMER }

    public record StatusChange(String status, Instant at) {
    }

    public record Reply(String id, String title, String description) {
    }

    public ChatMessage {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ChatMessage fromBusiness(String wamid, String phoneNumberId, String customerWaId, String type,
                                           Instant at, String bizOpaqueCallbackData, String contextWamid,
                                           String text, JsonNode message, RenderedTemplate template,
                                           String downloadUrl, String category) {
        return new ChatMessage(wamid, phoneNumberId, customerWaId, Direction.BUSINESS, type, at, "accepted",
                List.of(new StatusChange("accepted", at)), bizOpaqueCallbackData, contextWamid, List.of(), text,
                message, template, downloadUrl, null, category, false);
    }

    public static ChatMessage fromCustomer(String wamid, String phoneNumberId, String customerWaId, String type,
                                           Instant at, String contextWamid, String text, Reply reply) {
        return new ChatMessage(wamid, phoneNumberId, customerWaId, Direction.CUSTOMER, type, at, "received",
                List.of(new StatusChange("received", at)), null, contextWamid, List.of(), text, null, null, null,
                reply, null, false);
    }

    ChatMessage withStatus(String newStatus, Instant at, List<Map<String, Object>> newErrors) {
        List<StatusChange> history = new ArrayList<>(statuses);
        history.add(new StatusChange(newStatus, at));
        return new ChatMessage(wamid, phoneNumberId, customerWaId, direction, type, timestamp, newStatus, history,
                bizOpaqueCallbackData, contextWamid, newErrors == null ? errors : newErrors, text, message, template,
                downloadUrl, reply, category, readRequested);
    }

    ChatMessage withReadRequested() {
        return new ChatMessage(wamid, phoneNumberId, customerWaId, direction, type, timestamp, status, statuses,
                bizOpaqueCallbackData, contextWamid, errors, text, message, template, downloadUrl, reply, category,
                true);
    }

    public boolean sentByBusiness() {
        return direction == Direction.BUSINESS;
    }
}
