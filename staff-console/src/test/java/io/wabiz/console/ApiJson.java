package io.wabiz.console;

import java.time.Instant;

/** conversation-service answers as its staff API writes them (shapes from its README and views). */
public final class ApiJson {

    public static final String BUSINESS = "100000000000001";

    private ApiJson() {
    }

    public static String page(int page, int size, long total, String... items) {
        int pages = (int) ((total + size - 1) / size);
        return "{\"items\":[" + String.join(",", items) + "],\"page\":" + page + ",\"size\":" + size
                + ",\"totalElements\":" + total + ",\"totalPages\":" + pages + "}";
    }

    public static String conversation(String waId, String partnerName, int unread, Instant lastActivity,
                                      Instant windowOpenUntil, boolean windowOpen, String lastText) {
        return """
                {"id":"%s:%s","businessPhoneNumberId":"%s","customerWaId":"%s","customerPhone":"+%s",
                 "customerProfileName":"Profil %s",%s"lastActivityAt":"%s","lastInboundAt":"%s",
                 "windowOpenUntil":"%s","windowOpen":%s,"unreadCount":%d,
                 "lastMessage":{"at":"%s","messageId":"wamid.last.%s","direction":"INBOUND","type":"text","text":"%s"}}
                """.formatted(BUSINESS, waId, BUSINESS, waId, waId, waId,
                partnerName == null ? "" : "\"partner\":{\"id\":\"p-" + waId + "\",\"name\":\"" + partnerName + "\"},",
                lastActivity, lastActivity, windowOpenUntil, windowOpen, unread, lastActivity, waId, lastText);
    }

    /** A conversation the scenario engine handed off to staff ({@code waitingForStaff} with its {@code handOff}). */
    public static String waitingForStaff(String waId, String partnerName, Instant requestedAt, String reason,
                                         Instant expectedAnswerBy) {
        String plain = conversation(waId, partnerName, 1, requestedAt, requestedAt.plusSeconds(86_400), true, reason)
                .strip();
        return plain.substring(0, plain.length() - 1) + """
                ,"waitingForStaff":true,"handOff":{"requestedAt":"%s","requestedByWamid":"wamid.ask.%s",
                 "reason":"%s","source":"scenario:menu","language":"fr","expectedAnswerBy":"%s","partnerIds":[]}}
                """.formatted(requestedAt, waId, reason, expectedAnswerBy);
    }

    public static String inboundText(String waId, String wamid, String text, Instant at) {
        return """
                {"id":"%s","wamid":"%s","conversationId":"%s:%s","businessPhoneNumberId":"%s","customerWaId":"%s",
                 "direction":"INBOUND","type":"text","text":"%s","content":{"body":"%s"},"at":"%s","timeline":[],
                 "customerProfileName":"Profil %s"}
                """.formatted(wamid, wamid, BUSINESS, waId, BUSINESS, waId, text, text, at, waId);
    }

    /** A business message with its status, optional error, pricing and what it was about. */
    public static String outbound(String waId, String id, String type, String text, String contentJson, Instant at,
                                  String status, String extraJson) {
        return """
                {"id":"%s","wamid":"%s","conversationId":"%s:%s","businessPhoneNumberId":"%s","customerWaId":"%s",
                 "direction":"OUTBOUND","type":"%s","text":%s,"content":%s,"at":"%s","status":"%s",
                 "timeline":[{"status":"%s","at":"%s"}]%s}
                """.formatted(id, id, BUSINESS, waId, BUSINESS, waId, type, text == null ? "null" : "\"" + text + "\"",
                contentJson, at, status, status, at, extraJson == null ? "" : "," + extraJson);
    }

    public static String template(String name, String language, String category, String status, String body) {
        return """
                {"id":"%s:%s","wabaId":"200000000000001","templateId":"t-%s","name":"%s","language":"%s",
                 "category":"%s","status":"%s","components":[{"type":"BODY","text":"%s"}],
                 "syncedAt":"2026-11-30T10:00:00Z"}
                """.formatted(name, language, name, name, language, category, status, body);
    }
}
