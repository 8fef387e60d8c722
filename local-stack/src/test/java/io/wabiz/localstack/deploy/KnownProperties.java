package io.wabiz.localstack.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The configuration properties a Spring Boot jar reads, from the {@code spring-configuration-metadata.json} of its
 * own classes (written by the configuration processor) and of every library inside it (Boot's own for
 * {@code spring.*}, {@code server.*}, {@code management.*}, {@code logging.*}). An environment variable is one of
 * them when Spring's relaxed binding maps it there: {@code INGRESS_KNOWN_PHONE_NUMBER_IDS} is
 * {@code ingress.known-phone-number-ids}; {@code SENDER_ACCOUNTS_0_ACCESS_TOKEN} an element of the list
 * {@code sender.accounts}.
 */
final class KnownProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COLLECTION = Pattern.compile("^(java\\.util\\.(List|Set|Collection|Map)|.*\\[\\])<?.*");
    /** Read by the JVM, its C library (glibc's malloc arenas) or the image, not by Spring. */
    private static final List<String> JVM_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS",
            "MALLOC_ARENA_MAX");

    private final Map<String, String> typeByCanonicalName = new HashMap<>();
    private final Map<String, String> collectionPrefixes = new HashMap<>();
    private final Map<String, String> namesByCanonicalName = new HashMap<>();

    static KnownProperties of(Path bootJar) throws IOException {
        KnownProperties known = new KnownProperties();
        try (JarFile jar = new JarFile(bootJar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith("META-INF/spring-configuration-metadata.json")
                        || name.endsWith("META-INF/additional-spring-configuration-metadata.json")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        known.read(in);
                    }
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    try (JarInputStream nested = new JarInputStream(jar.getInputStream(entry))) {
                        for (var inner = nested.getNextJarEntry(); inner != null; inner = nested.getNextJarEntry()) {
                            if (inner.getName().equals("META-INF/spring-configuration-metadata.json")
                                    || inner.getName().equals("META-INF/additional-spring-configuration-metadata.json")) {
                                known.read(nested);
                            }
                        }
                    }
                }
            }
        }
        return known;
    }

    int size() {
        return typeByCanonicalName.size();
    }

    private void read(InputStream in) throws IOException {
        JsonNode metadata = JSON.readTree(in.readAllBytes());
        for (String section : List.of("properties", "groups")) {
            for (JsonNode property : metadata.path(section)) {
                String name = property.path("name").asString();
                String type = property.path("type").asString("");
                String canonical = canonical(name);
                if (section.equals("properties")) {
                    typeByCanonicalName.put(canonical, type);
                    namesByCanonicalName.put(canonical, name);
                }
                if (COLLECTION.matcher(type).matches() || type.contains("Map<") || type.contains("List<")) {
                    collectionPrefixes.put(canonical, name);
                }
            }
        }
    }

    /** The property an environment variable sets, or empty when the service reads no such property. */
    Optional<String> propertyOf(String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return Optional.of("(the JVM's own " + variable + ")");
        }
        String canonical = canonical(variable);
        if (namesByCanonicalName.containsKey(canonical)) {
            return Optional.of(namesByCanonicalName.get(canonical));
        }
        // an element of a list or map property: SENDER_ACCOUNTS_0_ACCESS_TOKEN under sender.accounts
        String[] parts = variable.toLowerCase(Locale.ROOT).split("_");
        List<String> prefix = new ArrayList<>();
        for (String part : parts) {
            prefix.add(part);
            String key = canonical(String.join("_", prefix));
            if (collectionPrefixes.containsKey(key) && prefix.size() < parts.length) {
                return Optional.of(collectionPrefixes.get(key) + "[...]");
            }
        }
        return Optional.empty();
    }

    /** Relaxed binding's view of a name: no separators, no dashes, one case. */
    private static String canonical(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
