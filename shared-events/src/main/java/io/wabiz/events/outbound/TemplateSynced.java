package io.wabiz.events.outbound;

import io.wabiz.events.Immutables;
import io.wabiz.events.TopicRecord;
import java.time.Instant;
import java.util.List;

/**
 * A message template of a WABA as last synced from Meta (compacted topic, key {@code name:language}).
 *
 * @param status Meta's status: APPROVED, PENDING, REJECTED, PAUSED, DISABLED, ...
 */
public record TemplateSynced(String id, Instant occurredAt, String wabaId, String templateId, String name,
                             String language, String category, String status, String rejectedReason,
                             List<Component> components) implements TopicRecord {

    public TemplateSynced {
        components = Immutables.list(components);
    }

    public static String keyOf(String name, String language) {
        return name + ":" + language;
    }

    @Override
    public String key() {
        return keyOf(name, language);
    }

    public boolean approved() {
        return "APPROVED".equalsIgnoreCase(status);
    }

    /** How many parameters the template expects in one component type (header or body): Meta's distinct count. */
    public int parameterCount(String componentType) {
        return components.stream().filter(c -> c.type().equalsIgnoreCase(componentType))
                .mapToInt(c -> TemplatePlaceholders.count(c.text())).sum();
    }

    /**
     * @param type   HEADER, BODY, FOOTER or BUTTONS
     * @param format for headers: TEXT, DOCUMENT, IMAGE, VIDEO, LOCATION
     */
    public record Component(String type, String format, String text, List<Button> buttons) {
        public Component {
            buttons = Immutables.list(buttons);
        }
    }

    /** @param type QUICK_REPLY, URL, PHONE_NUMBER, ... */
    public record Button(String type, String text, String url, String phoneNumber) {
    }
}
