package io.wabiz.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips a container test before Spring builds its context, so that a machine without a Docker
 * engine reports "skipped" rather than a context failure.
 */
public class SkipWithoutDocker implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return DockerAvailability.available()
                ? ConditionEvaluationResult.enabled("Docker engine reachable")
                : ConditionEvaluationResult.disabled("no Docker engine reachable: container tests skipped");
    }

    static final class DockerAvailability {
        private static Boolean available;

        static synchronized boolean available() {
            if (available == null) {
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
            }
            return available;
        }
    }
}
