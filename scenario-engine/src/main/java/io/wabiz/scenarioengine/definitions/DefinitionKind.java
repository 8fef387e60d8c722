package io.wabiz.scenarioengine.definitions;

import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;

/** What an administrator defines: button actions (bindings) and scenarios. */
public enum DefinitionKind {
    ACTION(ButtonBinding.class, "actions"),
    SCENARIO(ScenarioDefinition.class, "scenarios");

    private final Class<?> type;
    private final String path;

    DefinitionKind(Class<?> type, String path) {
        this.type = type;
        this.path = path;
    }

    public Class<?> type() {
        return type;
    }

    /** The admin API's collection name. */
    public String path() {
        return path;
    }

    public static DefinitionKind of(Object definition) {
        return switch (definition) {
            case ButtonBinding b -> ACTION;
            case ScenarioDefinition s -> SCENARIO;
            default -> throw new IllegalArgumentException("not a definition: " + definition.getClass().getSimpleName());
        };
    }

    public static String idOf(Object definition) {
        return switch (definition) {
            case ButtonBinding b -> b.id();
            case ScenarioDefinition s -> s.id();
            default -> throw new IllegalArgumentException("not a definition: " + definition.getClass().getSimpleName());
        };
    }
}
