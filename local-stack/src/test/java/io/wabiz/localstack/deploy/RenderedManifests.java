package io.wabiz.localstack.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * An overlay of {@code deploy/} as Kubernetes would receive it ({@code kubectl kustomize}, the kustomize built into
 * kubectl), and each Deployment's container environment as the pod would see it: ConfigMap entries from
 * {@code envFrom}, literal values, and Secret keys replaced by fake values.
 */
final class RenderedManifests {

    private final List<Map<String, Object>> documents;

    private RenderedManifests(List<Map<String, Object>> documents) {
        this.documents = documents;
    }

    /** The command that renders overlays here, or empty (the contract test then skips with the reason). */
    static Optional<List<String>> renderer() {
        for (String candidate : List.of("kubectl", "kustomize")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, candidate))) {
                    return Optional.of(candidate.equals("kubectl") ? List.of(candidate, "kustomize") : List.of(candidate, "build"));
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static RenderedManifests render(Path overlay) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(renderer().orElseThrow(() -> new IllegalStateException("no kustomize")));
        command.add(overlay.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kustomize of " + overlay + " failed: " + err);
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(new String(out, StandardCharsets.UTF_8))) {
            if (document instanceof Map<?, ?> map) {
                documents.add((Map<String, Object>) map);
            }
        }
        return new RenderedManifests(documents);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    List<Deployment> deployments() {
        return ofKind("Deployment").stream().map(this::deployment).toList();
    }

    @SuppressWarnings("unchecked")
    private Deployment deployment(Map<String, Object> document) {
        String name = (String) map(document, "metadata").get("name");
        Map<String, Object> podSpec = map(map(map(document, "spec"), "template"), "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).getFirst();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> secretKeys = new LinkedHashMap<>();
        for (Map<String, Object> source : (List<Map<String, Object>>) container.getOrDefault("envFrom", List.of())) {
            Object configMap = source.get("configMapRef");
            if (configMap instanceof Map<?, ?> ref) {
                env.putAll(configMapData((String) ref.get("name")));
            }
        }
        for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            String variableName = (String) variable.get("name");
            if (variable.containsKey("value")) {
                env.put(variableName, String.valueOf(variable.get("value")));
            } else {
                Map<String, Object> from = map(variable, "valueFrom");
                Map<String, Object> secret = map(from, "secretKeyRef");
                Map<String, Object> configMapKey = map(from, "configMapKeyRef");
                if (!secret.isEmpty()) {
                    // as long as a generated secret (keys and tokens have minimum lengths), the same for one Secret key
                    String fake = "fake-" + secret.get("name") + "-" + secret.get("key") + "-0123456789abcdef0123456789";
                    env.put(variableName, fake);
                    secretKeys.put(variableName, fake);
                } else if (!configMapKey.isEmpty()) {
                    env.put(variableName, configMapData((String) configMapKey.get("name")).get((String) configMapKey.get("key")));
                }
            }
        }
        String image = (String) container.get("image");
        String module = image.substring(image.lastIndexOf('/') + 1).replaceFirst("[:@].*$", "");
        List<Map<String, Object>> ports = (List<Map<String, Object>>) container.getOrDefault("ports", List.of());
        Integer containerPort = ports.isEmpty() ? null : (Integer) ports.getFirst().get("containerPort");
        return new Deployment(name, module, env, secretKeys, containerPort);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> configMapData(String name) {
        return ofKind("ConfigMap").stream().filter(c -> name.equals(map(c, "metadata").get("name"))).findFirst()
                .map(c -> {
                    Map<String, String> data = new LinkedHashMap<>();
                    ((Map<String, Object>) c.getOrDefault("data", Map.of())).forEach((k, v) -> data.put(k, String.valueOf(v)));
                    return data;
                })
                .orElseThrow(() -> new IllegalStateException("a Deployment reads ConfigMap " + name + ", which the overlay lacks"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * @param module     the Maven module whose image the Deployment runs
     * @param env        the container's environment as the pod sees it (Secrets as fake values)
     * @param secretKeys the variables that come from Secrets, with their fake values
     */
    record Deployment(String name, String module, Map<String, String> env, Map<String, String> secretKeys,
                      Integer containerPort) {
    }
}
