package io.wabiz.scenarioengine.admin;

import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.definitions.DefinitionKind;
import io.wabiz.scenarioengine.definitions.DefinitionRegistry;
import io.wabiz.scenarioengine.definitions.DefinitionStore;
import io.wabiz.scenarioengine.definitions.DefinitionValidator;
import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.definitions.InvalidDefinition;
import io.wabiz.scenarioengine.definitions.Versioned;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What administrators do to definitions: validate, create, save a new version, restore an old one, enable and
 * disable. Nothing invalid is saved: the validator runs on the definitions in force with the new one in place.
 */
public class DefinitionAdmin {

    private final DefinitionStore store;
    private final DefinitionRegistry registry;
    private final DefinitionValidator validator;
    private final Clock clock;

    public DefinitionAdmin(DefinitionStore store, DefinitionRegistry registry, DefinitionValidator validator,
                           Clock clock) {
        this.store = store;
        this.registry = registry;
        this.validator = validator;
        this.clock = clock;
    }

    /** The id is taken, or a definition does not exist. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    public static final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    public DefinitionValidator.Report validate(Object definition) {
        registry.reload();
        return validator.validate(definition, registry.get());
    }

    public Versioned<Object> create(Object definition, String user, String comment) {
        DefinitionKind kind = DefinitionKind.of(definition);
        String id = DefinitionKind.idOf(definition);
        if (id != null && store.head(kind, id).isPresent()) {
            throw new Conflict(kind.name().toLowerCase() + " '" + id + "' exists: save a new version with PUT");
        }
        return save(definition, user, "CREATE", comment, null);
    }

    /** Saves a new version; with {@code expectedVersion}, only if it is still the current one (409 otherwise). */
    public Versioned<Object> update(Object definition, String user, String comment, Integer expectedVersion) {
        DefinitionKind kind = DefinitionKind.of(definition);
        String id = DefinitionKind.idOf(definition);
        int current = store.head(kind, id).orElseThrow(() -> new NotFound(kind.name().toLowerCase() + " '" + id
                + "' does not exist: create it with POST")).getInteger("currentVersion");
        if (expectedVersion != null && expectedVersion != current) {
            throw new Conflict(kind.name().toLowerCase() + " '" + id + "' is at version " + current + ", not "
                    + expectedVersion + ": read it and save again");
        }
        return save(definition, user, "NEW_VERSION", comment, current);
    }

    public Versioned<Object> restore(DefinitionKind kind, String id, int version, String user) {
        Versioned<Object> old = store.version(kind, id, version).orElseThrow(() -> new NotFound(
                kind.name().toLowerCase() + " '" + id + "' has no version " + version));
        return save(old.definition(), user, "RESTORE", "restored version " + version, null);
    }

    private Versioned<Object> save(Object definition, String user, String operation, String comment,
                                   Integer expectedCurrent) {
        registry.reload();
        validator.validate(definition, registry.get()).throwIfInvalid();
        try {
            Versioned<Object> saved = store.save(definition, user, operation, comment, clock.instant());
            return saved;
        } catch (DefinitionStore.VersionConflict e) {
            throw new Conflict(e.getMessage());
        } finally {
            registry.reload();
        }
    }

    public Versioned<Object> setEnabled(DefinitionKind kind, String id, boolean enabled, String user) {
        registry.reload();
        Definitions current = registry.get();
        if (store.head(kind, id).isEmpty()) {
            throw new NotFound(kind.name().toLowerCase() + " '" + id + "' does not exist");
        }
        if (enabled) {
            Object definition = (kind == DefinitionKind.ACTION ? current.anyBinding(id).map(Versioned::definition)
                    : current.anyScenario(id).map(Versioned::definition)).orElseThrow();
            // enabling must not collide with what is enabled meanwhile (a keyword, a binding's match)
            validator.validate(definition, current).throwIfInvalid();
        } else if (kind == DefinitionKind.SCENARIO) {
            List<String> users = usersOf(id, current);
            if (!users.isEmpty()) {
                throw new InvalidDefinition(List.of("scenario '" + id + "' is used by " + users
                        + ": change or disable them first"));
            }
        }
        store.setEnabled(kind, id, enabled, user, clock.instant());
        registry.reload();
        return current(kind, id).orElseThrow();
    }

    /** The enabled definitions that lead to a scenario (next scenario, open-scenario action). */
    static List<String> usersOf(String scenarioId, Definitions current) {
        List<String> users = new ArrayList<>();
        for (Versioned<ScenarioDefinition> s : current.scenarios().values()) {
            if (!s.enabled() || s.definition().id().equals(scenarioId)) {
                continue;
            }
            boolean uses = s.definition().options().stream().anyMatch(o -> scenarioId.equals(o.next())
                    || o.actions().stream().anyMatch(a -> a instanceof Action.OpenScenario open
                    && scenarioId.equals(open.scenario())));
            if (uses) {
                users.add("scenario " + s.definition().id());
            }
        }
        for (Versioned<ButtonBinding> b : current.bindings().values()) {
            if (b.enabled() && b.definition().actions().stream().anyMatch(a -> a instanceof Action.OpenScenario open
                    && scenarioId.equals(open.scenario()))) {
                users.add("action " + b.definition().id());
            }
        }
        return users;
    }

    public Optional<Versioned<Object>> current(DefinitionKind kind, String id) {
        return store.head(kind, id).flatMap(h -> store.version(kind, id, h.getInteger("currentVersion")));
    }

    public List<Versioned<Object>> versions(DefinitionKind kind, String id) {
        return store.versions(kind, id);
    }

    public Optional<Versioned<Object>> version(DefinitionKind kind, String id, int version) {
        return store.version(kind, id, version);
    }

    public List<Versioned<Object>> all(DefinitionKind kind) {
        registry.reload();
        Definitions current = registry.get();
        List<Versioned<Object>> all = new ArrayList<>();
        if (kind == DefinitionKind.ACTION) {
            current.bindings().values().forEach(v -> all.add(new Versioned<>(v.definition(), v.version(), v.enabled(),
                    v.savedAt(), v.savedBy())));
        } else {
            current.scenarios().values().forEach(v -> all.add(new Versioned<>(v.definition(), v.version(), v.enabled(),
                    v.savedAt(), v.savedBy())));
        }
        all.sort(java.util.Comparator.comparing(v -> DefinitionKind.idOf(v.definition())));
        return all;
    }

    public List<DefinitionStore.AuditEntry> audit(DefinitionKind kind, String id, String user, int page, int size) {
        return store.audit(kind, id, user, page, size);
    }
}
