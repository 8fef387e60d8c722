package io.wabiz.scenarioengine.admin;

import io.wabiz.scenarioengine.definitions.DefinitionJson;
import io.wabiz.scenarioengine.definitions.DefinitionKind;
import io.wabiz.scenarioengine.definitions.DefinitionStore;
import io.wabiz.scenarioengine.definitions.DefinitionValidator;
import io.wabiz.scenarioengine.definitions.Versioned;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The admin API of actions (button bindings) and scenarios: list, read, validate, create, save a new version,
 * restore a version, enable, disable; a dry run of a button id or a text; the audit of who changed what.
 * Administrators only (platform-security). Every save is validated; an invalid definition is a 400 listing every
 * reason and nothing is saved.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    private final DefinitionAdmin admin;
    private final DryRun dryRun;

    public AdminController(DefinitionAdmin admin, DryRun dryRun) {
        this.admin = admin;
        this.dryRun = dryRun;
    }

    /** A definition with its version facts; {@code warnings} on saves and validations. */
    public record DefinitionView(String id, int version, boolean enabled, Instant savedAt, String savedBy,
                                 Object definition, List<String> warnings) {
        static DefinitionView of(Versioned<Object> versioned, List<String> warnings) {
            return new DefinitionView(DefinitionKind.idOf(versioned.definition()), versioned.version(),
                    versioned.enabled(), versioned.savedAt(), versioned.savedBy(), versioned.definition(), warnings);
        }
    }

    public record DryRunRequest(String businessPhoneNumberId, String customerWaId, String buttonId, String text) {
    }

    @GetMapping("/{kind}")
    public List<DefinitionView> list(@PathVariable String kind) {
        return admin.all(kind(kind)).stream().map(v -> DefinitionView.of(v, null)).toList();
    }

    @GetMapping("/{kind}/{id}")
    public DefinitionView current(@PathVariable String kind, @PathVariable String id) {
        return admin.current(kind(kind), id).map(v -> DefinitionView.of(v, null))
                .orElseThrow(() -> new DefinitionAdmin.NotFound(kind + " '" + id + "' does not exist"));
    }

    @GetMapping("/{kind}/{id}/versions")
    public List<DefinitionView> versions(@PathVariable String kind, @PathVariable String id) {
        List<Versioned<Object>> versions = admin.versions(kind(kind), id);
        if (versions.isEmpty()) {
            throw new DefinitionAdmin.NotFound(kind + " '" + id + "' does not exist");
        }
        return versions.stream().map(v -> DefinitionView.of(v, null)).toList();
    }

    @GetMapping("/{kind}/{id}/versions/{version}")
    public DefinitionView version(@PathVariable String kind, @PathVariable String id, @PathVariable int version) {
        return admin.version(kind(kind), id, version).map(v -> DefinitionView.of(v, null))
                .orElseThrow(() -> new DefinitionAdmin.NotFound(kind + " '" + id + "' has no version " + version));
    }

    @PostMapping("/{kind}/validate")
    public DefinitionValidator.Report validate(@PathVariable String kind, @RequestBody JsonNode body) {
        return admin.validate(read(kind(kind), body));
    }

    @PostMapping("/{kind}")
    public ResponseEntity<DefinitionView> create(@PathVariable String kind, @RequestBody JsonNode body,
                                                 @RequestParam(required = false) String comment,
                                                 Authentication user) {
        DefinitionKind definitionKind = kind(kind);
        Object definition = read(definitionKind, body);
        List<String> warnings = admin.validate(definition).warnings();
        Versioned<Object> saved = admin.create(definition, user.getName(), comment);
        return ResponseEntity.created(URI.create("/api/admin/" + kind + "/" + DefinitionKind.idOf(definition)))
                .body(DefinitionView.of(saved, warnings));
    }

    /** A new version; {@code If-Match: <current version>} refuses to save over someone else's newer one (409). */
    @PutMapping("/{kind}/{id}")
    public DefinitionView update(@PathVariable String kind, @PathVariable String id, @RequestBody JsonNode body,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @RequestParam(required = false) String comment, Authentication user) {
        DefinitionKind definitionKind = kind(kind);
        Object definition = read(definitionKind, body);
        if (!Objects.equals(DefinitionKind.idOf(definition), id)) {
            throw new IllegalArgumentException("the body's id '" + DefinitionKind.idOf(definition)
                    + "' is not the path's '" + id + "'");
        }
        List<String> warnings = admin.validate(definition).warnings();
        Integer expected = ifMatch == null ? null : Integer.valueOf(ifMatch.replace("\"", "").strip());
        return DefinitionView.of(admin.update(definition, user.getName(), comment, expected), warnings);
    }

    @PostMapping("/{kind}/{id}/versions/{version}/restore")
    public DefinitionView restore(@PathVariable String kind, @PathVariable String id, @PathVariable int version,
                                  Authentication user) {
        return DefinitionView.of(admin.restore(kind(kind), id, version, user.getName()), null);
    }

    @PostMapping("/{kind}/{id}/enable")
    public DefinitionView enable(@PathVariable String kind, @PathVariable String id, Authentication user) {
        return DefinitionView.of(admin.setEnabled(kind(kind), id, true, user.getName()), null);
    }

    @PostMapping("/{kind}/{id}/disable")
    public DefinitionView disable(@PathVariable String kind, @PathVariable String id, Authentication user) {
        return DefinitionView.of(admin.setEnabled(kind(kind), id, false, user.getName()), null);
    }

    @PostMapping("/dry-run")
    public DryRun.Result dryRun(@RequestBody DryRunRequest request) {
        if (request.customerWaId() == null || request.businessPhoneNumberId() == null) {
            throw new IllegalArgumentException("businessPhoneNumberId and customerWaId are required");
        }
        return dryRun.run(request.businessPhoneNumberId(), request.customerWaId(), request.buttonId(), request.text());
    }

    @GetMapping("/audit")
    public List<DefinitionStore.AuditEntry> audit(@RequestParam(required = false) String kind,
                                                  @RequestParam(required = false) String id,
                                                  @RequestParam(required = false) String user,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size) {
        if (size < 1 || size > 200 || page < 0) {
            throw new IllegalArgumentException("page >= 0 and size 1 to 200");
        }
        return admin.audit(kind == null ? null : kind(kind), id, user, page, size);
    }

    private static DefinitionKind kind(String path) {
        return Arrays.stream(DefinitionKind.values()).filter(k -> k.path().equals(path)).findFirst()
                .orElseThrow(() -> new DefinitionAdmin.NotFound("no such collection '" + path
                        + "' (actions, scenarios)"));
    }

    private static Object read(DefinitionKind kind, JsonNode body) {
        try {
            return DefinitionJson.read(body, kind.type());
        } catch (JacksonException e) {
            String message = e.getOriginalMessage();
            throw new IllegalArgumentException("the " + kind.name().toLowerCase() + " cannot be read: " + message);
        }
    }
}
