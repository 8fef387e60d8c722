package io.wabiz.sender.templates;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.TemplateSynced;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates of each WABA as last synced from Meta (and updated by status webhooks), and the check a
 * template command must pass before it is sent: the template exists, is APPROVED, and gets the number
 * of parameters its header and body expect.
 */
public class TemplateCatalog {

    private static final Set<String> MEDIA_HEADERS = Set.of("DOCUMENT", "IMAGE", "VIDEO");

    private final Map<String, Map<String, TemplateSynced>> byWaba = new ConcurrentHashMap<>();

    /** Replaces a WABA's templates with a full sync's result. */
    public void replaceAll(String wabaId, Collection<TemplateSynced> templates) {
        Map<String, TemplateSynced> fresh = new ConcurrentHashMap<>();
        templates.forEach(t -> fresh.put(t.key(), t));
        byWaba.put(wabaId, fresh);
    }

    public void put(TemplateSynced template) {
        byWaba.computeIfAbsent(template.wabaId(), w -> new ConcurrentHashMap<>()).put(template.key(), template);
    }

    public Optional<TemplateSynced> find(String wabaId, String name, String language) {
        return Optional.ofNullable(byWaba.getOrDefault(wabaId, Map.of()).get(TemplateSynced.keyOf(name, language)));
    }

    public List<TemplateSynced> all(String wabaId) {
        return List.copyOf(byWaba.getOrDefault(wabaId, Map.of()).values());
    }

    public boolean synced(String wabaId) {
        return byWaba.containsKey(wabaId);
    }

    /** Why Meta would refuse this template command, or empty when it may be sent. */
    public Optional<Refusal> check(String wabaId, OutboundContent.Template command) {
        if (!synced(wabaId)) {
            return Optional.of(new Refusal(132001, "Template does not exist",
                    "the templates of WABA " + wabaId + " are not synced yet, so template " + command.name()
                            + " cannot be checked", true));
        }
        Optional<TemplateSynced> found = find(wabaId, command.name(), command.language());
        if (found.isEmpty()) {
            return Optional.of(new Refusal(132001, "Template does not exist",
                    "no template " + command.name() + " in language " + command.language() + " in WABA " + wabaId,
                    false));
        }
        TemplateSynced template = found.get();
        if (!template.approved()) {
            int code = switch (String.valueOf(template.status()).toUpperCase()) {
                case "PAUSED" -> 132015;
                case "DISABLED" -> 132016;
                default -> 132001;
            };
            return Optional.of(new Refusal(code, "Template not approved", "template " + template.key() + " is "
                    + template.status() + (template.rejectedReason() == null ? "" : " (" + template.rejectedReason()
                    + ")") + ", not APPROVED", false));
        }
        for (String type : List.of("header", "body")) {
            int expected = expectedParameters(template, type);
            int given = command.parameterCount(type);
            if (expected != given) {
                return Optional.of(new Refusal(132000, "Template param count mismatch", "template "
                        + template.key() + " expects " + expected + " " + type + " parameter(s), the command gives "
                        + given, false));
            }
        }
        return Optional.empty();
    }

    private static int expectedParameters(TemplateSynced template, String type) {
        if (type.equals("header")) {
            boolean mediaHeader = template.components().stream().anyMatch(c -> c.type().equalsIgnoreCase("HEADER")
                    && c.format() != null && MEDIA_HEADERS.contains(c.format().toUpperCase()));
            if (mediaHeader) {
                return 1;
            }
        }
        return template.parameterCount(type);
    }

    /** @param retryable true when the same command may pass later (templates not synced yet) */
    public record Refusal(int code, String title, String reason, boolean retryable) {
    }
}
