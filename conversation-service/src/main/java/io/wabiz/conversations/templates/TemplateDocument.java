package io.wabiz.conversations.templates;

import io.wabiz.events.outbound.TemplateSynced;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A message template as last synced from Meta, keyed {@code name:language} like its compacted topic. */
@Document(TemplateDocument.COLLECTION)
public record TemplateDocument(@Id String id, String wabaId, String templateId, String name, String language,
                               String category, String status, String rejectedReason,
                               List<TemplateSynced.Component> components, Instant syncedAt) {

    public static final String COLLECTION = "templates";

    public boolean approved() {
        return "APPROVED".equalsIgnoreCase(status);
    }

    public boolean marketing() {
        return "MARKETING".equalsIgnoreCase(category);
    }
}
