package io.wabiz.simulator.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.wabiz.simulator.SimulatorProperties.Template;
import io.wabiz.simulator.SimulatorProperties.TemplateButton;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's template definitions (the repository's {@code templates/*.json}, packaged under
 * {@code whatsapp-templates/}), read as Meta reads a {@code POST /<WABA_ID>/message_templates} body, and known as
 * APPROVED: what production has once an operator submitted them and Meta approved them.
 */
public final class ShippedTemplates {

    static final String PATTERN = "classpath*:whatsapp-templates/*.json";

    private ShippedTemplates() {
    }

    /** The configured templates, then the shipped ones the configuration does not already name. */
    public static List<Template> withShipped(Collection<Template> configured, JsonMapper json) {
        Map<String, Template> all = new LinkedHashMap<>();
        configured.forEach(t -> all.put(t.name() + ":" + t.language(), t));
        for (Template shipped : load(json)) {
            all.putIfAbsent(shipped.name() + ":" + shipped.language(), shipped);
        }
        return List.copyOf(all.values());
    }

    static List<Template> load(JsonMapper json) {
        List<Template> templates = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(PATTERN);
            java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    templates.add(fromMetaBody(json.readTree(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped templates", e);
        }
        return templates;
    }

    static Template fromMetaBody(JsonNode body) {
        String headerFormat = null;
        String header = null;
        String text = null;
        String footer = null;
        List<TemplateButton> buttons = new ArrayList<>();
        for (JsonNode component : body.path("components")) {
            switch (component.path("type").asString("").toUpperCase(java.util.Locale.ROOT)) {
                case "HEADER" -> {
                    headerFormat = component.path("format").asString("TEXT");
                    header = component.path("text").isMissingNode() ? null : component.path("text").asString();
                }
                case "BODY" -> text = component.path("text").asString();
                case "FOOTER" -> footer = component.path("text").asString();
                case "BUTTONS" -> component.path("buttons").forEach(b -> buttons.add(new TemplateButton(
                        b.path("type").asString("QUICK_REPLY"), b.path("text").asString(),
                        b.path("url").isMissingNode() ? null : b.path("url").asString())));
                default -> { }
            }
        }
        return new Template(body.path("name").asString(), body.path("language").asString(),
                body.path("category").asString("UTILITY"), "APPROVED", headerFormat, header, text, footer, buttons);
    }
}
