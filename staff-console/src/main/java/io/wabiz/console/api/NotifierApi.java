package io.wabiz.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClient;

/** billing-notifier's read API: each order and invoice notification with its outcome. */
public class NotifierApi {

    private final RestClient http;

    public NotifierApi(RestClient http) {
        this.http = http;
    }

    /** Newest first; null filters are left out ({@code documentType}, {@code documentId}, {@code state}, ...). */
    public Page notifications(Map<String, String> filters) {
        return http.get().uri(b -> QueryUris.of(b.path("/api/notifications"), filters)).retrieve().body(Page.class);
    }

    public record Page(List<Notification> items, int page, int size, long totalElements) {
    }

    public record Skip(String reason, String explanation) {
    }

    public record Failure(int code, String title, String reason, String help, boolean retryable) {
    }

    public record Notification(String key, String kind, String documentType, String documentId, String partnerId,
                               String companyId, String state, Skip skipped, String recipientWaId, String wamid,
                               String form, Failure failure, Instant createdAt, Instant acceptedAt, Instant sentAt,
                               Instant deliveredAt, Instant readAt, Instant failedAt, Instant erpToldAt) {
    }
}
