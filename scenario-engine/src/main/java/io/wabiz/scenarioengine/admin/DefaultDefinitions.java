package io.wabiz.scenarioengine.admin;

import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.definitions.DefinitionJson;
import io.wabiz.scenarioengine.definitions.DefinitionKind;
import io.wabiz.scenarioengine.definitions.DefinitionRegistry;
import io.wabiz.scenarioengine.definitions.DefinitionStore;
import io.wabiz.scenarioengine.definitions.DefinitionValidator;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions the engine ships, so the order and invoice flows and the default menu work with no
 * configuration: saved as version 1 by {@code system} when a definition of that id does not exist yet (an
 * administrator's later versions are never overwritten), after the same validation as the admin API's.
 */
public final class DefaultDefinitions {

    private static final Logger log = LoggerFactory.getLogger(DefaultDefinitions.class);

    /** Scenarios first: bindings may open them. */
    public static final List<String> SCENARIOS = List.of("menu");
    public static final List<String> ACTIONS = List.of("order-confirm", "order-cancel", "order-details",
            "invoice-details", "invoice-pay", "invoice-pdf");

    private DefaultDefinitions() {
    }

    public static void seed(DefinitionStore store, DefinitionRegistry registry, DefinitionValidator validator,
                            Clock clock) {
        registry.reload();
        for (String id : SCENARIOS) {
            seedOne(store, registry, validator, clock, read("defaults/scenarios/" + id + ".json",
                    ScenarioDefinition.class));
        }
        for (String id : ACTIONS) {
            seedOne(store, registry, validator, clock, read("defaults/actions/" + id + ".json", ButtonBinding.class));
        }
    }

    private static void seedOne(DefinitionStore store, DefinitionRegistry registry, DefinitionValidator validator,
                                Clock clock, Object definition) {
        DefinitionKind kind = DefinitionKind.of(definition);
        String id = DefinitionKind.idOf(definition);
        if (store.head(kind, id).isPresent()) {
            return;
        }
        validator.validate(definition, registry.get()).throwIfInvalid();
        try {
            store.save(definition, "system", "SEED", "shipped default", clock.instant());
            log.info("Default {} '{}' saved as version 1", kind.name().toLowerCase(), id);
        } catch (DefinitionStore.VersionConflict anotherReplicaSeededIt) {
            log.debug("Default {} '{}' seeded by another replica", kind, id);
        }
        registry.reload();
    }

    public static <T> T read(String resource, Class<T> type) {
        try (InputStream in = DefaultDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return DefinitionJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
