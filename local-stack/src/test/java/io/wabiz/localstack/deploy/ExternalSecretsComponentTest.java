package io.wabiz.localstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/components/external-secrets writes every Secret key a Deployment of the base reads, and nothing Strimzi
 * writes itself (the KafkaUsers' JAAS lines): an overlay that adds the component starts with all its secrets.
 */
class ExternalSecretsComponentTest {

    private static final Path DEPLOY = Path.of(System.getProperty("wabiz.root", "..")).toAbsolutePath().normalize()
            .resolve("deploy");
    private static final Pattern SECRET_KEY_REF = Pattern.compile("secretKeyRef:\\s*\\n\\s*name:\\s*(\\S+)\\s*\\n\\s*key:\\s*(\\S+)");

    @Test
    void everySecretKeyTheDeploymentsReadIsWrittenByAnExternalSecret() throws IOException {
        TreeSet<String> read = new TreeSet<>();
        TreeSet<String> strimzi = new TreeSet<>();
        try (Stream<Path> files = Files.walk(DEPLOY.resolve("base"))) {
            for (Path yaml : files.filter(f -> f.getFileName().toString().equals("deployment.yaml")).toList()) {
                Matcher m = SECRET_KEY_REF.matcher(Files.readString(yaml));
                while (m.find()) {
                    (m.group(2).equals("sasl.jaas.config") ? strimzi : read).add(m.group(1) + "/" + m.group(2));
                }
            }
        }
        TreeSet<String> written = new TreeSet<>();
        for (Object document : new Yaml().loadAll(Files.readString(DEPLOY.resolve(
                "components/external-secrets/external-secrets.yaml")))) {
            Map<?, ?> externalSecret = (Map<?, ?>) document;
            assertThat(externalSecret.get("kind")).isEqualTo("ExternalSecret");
            Map<?, ?> spec = (Map<?, ?>) externalSecret.get("spec");
            String target = (String) ((Map<?, ?>) spec.get("target")).get("name");
            for (Object entry : (List<?>) spec.get("data")) {
                written.add(target + "/" + ((Map<?, ?>) entry).get("secretKey"));
            }
        }
        assertThat(read).as("Secret keys the Deployments read").isNotEmpty();
        assertThat(written).as("keys the External Secrets component writes").isEqualTo(read);
        // the operators' Secrets never share a name with Strimzi's, which it rewrites whole
        TreeSet<String> strimziSecrets = new TreeSet<>(strimzi.stream().map(k -> k.substring(0, k.indexOf('/'))).toList());
        assertThat(read.stream().map(k -> k.substring(0, k.indexOf('/')))).doesNotContainAnyElementsOf(strimziSecrets);
    }
}
