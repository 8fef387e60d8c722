package io.wabiz.console.api;

import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** outbound-sender's operator API: business numbers, their diagnostics and pauses, template sync. */
public class SenderApi {

    private static final ParameterizedTypeReference<List<Account>> ACCOUNTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<SyncReport>> SYNC = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public SenderApi(RestClient http) {
        this.http = http;
    }

    public List<Account> accounts() {
        return http.get().uri("/accounts").retrieve().body(ACCOUNTS);
    }

    public Diagnosis diagnose(String phoneNumberId) {
        return http.get().uri("/accounts/{id}/diagnostics", phoneNumberId).retrieve().body(Diagnosis.class);
    }

    public void resume(String phoneNumberId) {
        http.post().uri("/accounts/{id}/resume", phoneNumberId).retrieve().toBodilessEntity();
    }

    /** Reads every template of every WABA from Meta now and publishes them (the history's list follows). */
    public List<SyncReport> syncTemplates() {
        return http.post().uri("/templates/sync").retrieve().body(SYNC);
    }

    public record Pause(int errorCode, String reason, Instant since) {
    }

    public record Account(String phoneNumberId, String wabaId, String apiVersion, int messagesPerSecond, Pause pause) {
    }

    /** @param healthy true when nothing needs a person's attention */
    public record Diagnosis(String phoneNumberId, String wabaId, String apiVersion, boolean healthy,
                            String displayPhoneNumber, String verifiedName, String qualityRating,
                            String throughputLevel, List<String> problems) {
    }

    /** @param problem why this WABA could not be synced, null when it was */
    public record SyncReport(String wabaId, int templates, String problem) {
    }
}
