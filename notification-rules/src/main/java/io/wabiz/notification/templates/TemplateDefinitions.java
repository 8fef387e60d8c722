package io.wabiz.notification.templates;

import io.wabiz.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The template definitions the platform ships ({@code templates/*.json} at the top of the repository, packaged in
 * this module under {@value #CLASSPATH_FOLDER}/). Services on Spring list them with
 * {@code classpath*:whatsapp-templates/*.json} and hand each file to {@link #read}; tools read the folder.
 */
public final class TemplateDefinitions {

    public static final String CLASSPATH_FOLDER = "whatsapp-templates";
    public static final String CLASSPATH_PATTERN = "classpath*:" + CLASSPATH_FOLDER + "/*.json";

    private final Map<String, TemplateDefinition> byKey;

    public TemplateDefinitions(Collection<TemplateDefinition> definitions) {
        Map<String, TemplateDefinition> map = new LinkedHashMap<>();
        for (TemplateDefinition definition : definitions) {
            if (map.put(definition.key(), definition) != null) {
                throw new IllegalArgumentException("template " + definition.key() + " is defined twice");
            }
        }
        this.byKey = Map.copyOf(map);
    }

    /** Reads one definition file; a file Meta would refuse is refused here, with every problem named. */
    public static TemplateDefinition read(String fileName, InputStream json) {
        TemplateDefinition definition;
        try {
            definition = EventJson.mapper().readValue(json, TemplateDefinition.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("template file " + fileName + " is not a template definition: "
                    + e.getMessage(), e);
        }
        List<String> problems = definition.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("template file " + fileName + ": " + String.join("; ", problems));
        }
        return definition;
    }

    /** Every {@code *.json} of a folder (the repository's {@code templates/}). */
    public static TemplateDefinitions fromDirectory(Path folder) {
        List<TemplateDefinition> definitions = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    definitions.add(read(file.getFileName().toString(), in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates in " + folder, e);
        }
        return new TemplateDefinitions(definitions);
    }

    public Optional<TemplateDefinition> find(String name, String language) {
        return Optional.ofNullable(byKey.get(name + ":" + language));
    }

    public Collection<TemplateDefinition> all() {
        return byKey.values();
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }
}
