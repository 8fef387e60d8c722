package io.wabiz.console.api;

import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * scenario-engine's admin API (role admin): button actions and scenarios as versioned JSON definitions,
 * validated against WhatsApp's limits when saved, and the dry run of a tap or a text (nothing written).
 * {@code kind} is {@code actions} or {@code scenarios}.
 */
public class ScenariosApi {

    public static final List<String> KINDS = List.of("actions", "scenarios");

    private static final ParameterizedTypeReference<List<Definition>> DEFINITIONS = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public ScenariosApi(RestClient http) {
        this.http = http;
    }

    public List<Definition> list(String kind) {
        return http.get().uri("/api/admin/{kind}", kind).retrieve().body(DEFINITIONS);
    }

    public Definition current(String kind, String id) {
        return http.get().uri("/api/admin/{kind}/{id}", kind, id).retrieve().body(Definition.class);
    }

    public List<Definition> versions(String kind, String id) {
        return http.get().uri("/api/admin/{kind}/{id}/versions", kind, id).retrieve().body(DEFINITIONS);
    }

    public Report validate(String kind, String json) {
        return http.post().uri("/api/admin/{kind}/validate", kind).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().body(Report.class);
    }

    public Definition create(String kind, String json, String comment) {
        return http.post().uri(b -> b.path("/api/admin/{kind}").queryParamIfPresent("comment", blank(comment)).build(kind))
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(Definition.class);
    }

    /** A new version, refused (409) when someone saved after {@code expectedVersion}. */
    public Definition update(String kind, String id, String json, int expectedVersion, String comment) {
        return http.put().uri(b -> b.path("/api/admin/{kind}/{id}").queryParamIfPresent("comment", blank(comment))
                        .build(kind, id))
                .header("If-Match", Integer.toString(expectedVersion)).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().body(Definition.class);
    }

    public Definition restore(String kind, String id, int version) {
        return http.post().uri("/api/admin/{kind}/{id}/versions/{version}/restore", kind, id, version).retrieve()
                .body(Definition.class);
    }

    public Definition enable(String kind, String id, boolean enabled) {
        return http.post().uri("/api/admin/{kind}/{id}/" + (enabled ? "enable" : "disable"), kind, id).retrieve()
                .body(Definition.class);
    }

    public JsonNode dryRun(DryRunRequest request) {
        return http.post().uri("/api/admin/dry-run").body(request).retrieve().body(JsonNode.class);
    }

    private static java.util.Optional<String> blank(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    /** One version of a definition, as the engine keeps it; {@code warnings} after a save. */
    public record Definition(String id, int version, boolean enabled, Instant savedAt, String savedBy,
                             JsonNode definition, List<String> warnings) {
    }

    public record Report(List<String> problems, List<String> warnings) {

        public boolean valid() {
            return problems == null || problems.isEmpty();
        }
    }

    /** A tap ({@code buttonId}) or a text a customer would send. */
    public record DryRunRequest(String businessPhoneNumberId, String customerWaId, String buttonId, String text) {
    }
}
