package io.wabiz.scenarioengine.actions;

import io.wabiz.events.Immutables;
import java.util.List;

/**
 * Which actions a button runs: every tap whose id matches {@code match} runs {@code actions} in order. The
 * standard buttons of the platform's grammar ({@code order:{id}:confirm}, {@code invoice:{id}:pay:{provider}}, ...)
 * have shipped bindings; an administrator changes them by saving a new version.
 *
 * @param id          a short name ({@code order-confirm}); also the binding's key in the admin API
 * @param description what the binding is for, for administrators
 */
public record ButtonBinding(String id, String description, ButtonMatch match, List<Action> actions) {

    public ButtonBinding {
        actions = Immutables.list(actions);
    }

    /**
     * The button ids a binding answers: {@code document} and {@code action} of the id, and its {@code argument}
     * when given (null: any argument, or none).
     */
    public record ButtonMatch(String document, String action, String argument) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isExact() {
            return argument != null;
        }

        @Override
        public String toString() {
            return document + ":{id}:" + action + (argument == null ? "[:*]" : ":" + argument);
        }
    }
}
