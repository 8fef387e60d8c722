package io.wabiz.scenarioengine.definitions;

import java.time.Instant;

/**
 * One saved version of a definition. Versions are immutable; the definition's head says which is current and
 * whether the definition is enabled.
 */
public record Versioned<T>(T definition, int version, boolean enabled, Instant savedAt, String savedBy) {
}
