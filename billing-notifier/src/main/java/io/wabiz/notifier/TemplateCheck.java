package io.wabiz.notifier;

import io.wabiz.notification.templates.TemplateDefinition;
import io.wabiz.notification.templates.TemplateDefinitions;
import io.wabiz.notification.templates.TemplateNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * At start, the templates the notifier is configured to fall back on are checked against the shipped definitions:
 * a template that gives a different number of parameters or quick replies than the notifier sends would be refused
 * by Meta at every send (132000). A configured name the repository does not ship (an operator's own template) is
 * only reported.
 */
final class TemplateCheck {

    /** What each purpose sends: body parameters and quick-reply buttons. */
    static final Map<String, int[]> SENT = Map.of(
            "order-created", new int[] {5, 3},
            "order-confirmed", new int[] {3, 1},
            "order-cancelled", new int[] {3, 0},
            "order-details", new int[] {5, 1},
            "invoice-posted", new int[] {6, 0},
            "invoice-residual", new int[] {5, 0},
            "invoice-paid", new int[] {2, 0},
            "invoice-cancelled", new int[] {3, 0},
            "invoice-details", new int[] {6, 0});

    private TemplateCheck() {
    }

    static void check(TemplateNames names, TemplateDefinitions definitions, Logger log) {
        List<String> problems = new ArrayList<>();
        names.all().forEach((purpose, byLanguage) -> byLanguage.forEach((language, name) -> {
            int[] sent = SENT.get(purpose);
            TemplateDefinition definition = definitions.find(name, language).orElse(null);
            if (definition == null) {
                log.warn("Template {}:{} (for {}) is not one the platform ships: make sure it is approved and takes"
                        + " what the notifier sends", name, language, purpose);
            } else if (sent != null && (definition.bodyParameterCount() != sent[0]
                    || definition.quickReplyCount() != sent[1])) {
                problems.add(name + ":" + language + " (for " + purpose + ") takes " + definition.bodyParameterCount()
                        + " body parameters and " + definition.quickReplyCount() + " quick replies; the notifier"
                        + " sends " + sent[0] + " and " + sent[1]);
            }
        }));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("notifier.templates do not match the template definitions: "
                    + String.join("; ", problems));
        }
    }
}
