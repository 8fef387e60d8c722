package io.wabiz.localstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wabiz.localstack.LocalStack;
import io.wabiz.localstack.StackPorts;
import io.wabiz.localstack.kafka.KafkaBroker;
import io.wabiz.localstack.mongo.MongoServerMain;
import io.wabiz.localstack.process.ChildProcess;
import io.wabiz.localstack.process.JvmLauncher;
import io.wabiz.localstack.process.Readiness;
import io.wabiz.localstack.services.StackService;
import io.wabiz.localstack.deploy.RenderedManifests.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The deployment manifests, taken at their word: each overlay rendered as Kubernetes would receive it, each
 * Deployment's environment (ConfigMaps, Secrets with fake values) given to that service's jar as it is, against a
 * real broker and an embedded MongoDB. Only the infrastructure addresses (broker, MongoDB, the identity provider's
 * issuer) point at the test's own, as a cluster's DNS would; every other value is the manifest's. Each service must
 * become ready with the configuration the manifest meant, and a manifest that sets a property no service reads fails.
 */
class DeployContractIT {

    private static final Path ROOT = Path.of(System.getProperty("wabiz.root", "..")).toAbsolutePath().normalize();
    private static final List<String> OVERLAYS = List.of("production", "staging");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private static Path work;
    private static JvmLauncher launcher;
    private static ChildProcess kafka;
    private static ChildProcess mongo;
    private static KafkaBroker broker;
    private static int mongoPort;
    private static TestIssuer issuer;

    @BeforeAll
    static void infrastructure() throws Exception {
        assumeTrue(RenderedManifests.renderer().isPresent(),
                "neither kubectl nor kustomize is on the PATH (.ci/run installs kubectl where it can): manifests not rendered");
        work = Path.of("target", "deploy-contract").toAbsolutePath();
        Files.createDirectories(work);
        launcher = new JvmLauncher(work.resolve("logs"), "deploy-contract-" + ProcessHandle.current().pid());
        StackPorts ports = StackPorts.free();
        broker = new KafkaBroker(Files.createTempDirectory(work, "kafka"), ports.kafka(), ports.kafkaController());
        kafka = broker.start(launcher, List.of("-Xmx256m", "-XX:+UseSerialGC"));
        mongoPort = ports.mongo();
        mongo = launcher.start("mongodb", work, List.of("-Xmx128m"), JvmLauncher.classPathLaunch(MongoServerMain.class.getName()),
                List.of(Files.createTempDirectory(work, "mongo").resolve("contract.mv").toString(), Integer.toString(mongoPort)),
                Map.of());
        broker.awaitReady(kafka, START_TIMEOUT);
        broker.createCatalogueTopics();
        Readiness.await(mongo, "MongoDB", START_TIMEOUT, () -> Readiness.tcpOpen("localhost", mongoPort));
        issuer = new TestIssuer();
    }

    @AfterAll
    static void stop() {
        Stream.of(mongo, kafka).filter(p -> p != null).forEach(p -> p.stop(Duration.ofSeconds(10)));
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void everyVariableTheManifestsSetIsAPropertyTheirServiceReads() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            for (Deployment deployment : deployments(overlay)) {
                Optional<Path> jar = jarOf(deployment);
                if (jar.isEmpty()) {
                    continue; // an image that is not one of this repository's modules (none today)
                }
                KnownProperties known = KnownProperties.of(jar.get());
                assertThat(known.size()).as("configuration metadata in %s", jar.get()).isGreaterThan(100);
                deployment.env().keySet().stream().filter(variable -> known.propertyOf(variable).isEmpty())
                        .forEach(variable -> unknown.add(overlay + "/" + deployment.name() + ": " + variable));
                String profiles = deployment.env().getOrDefault("SPRING_PROFILES_ACTIVE", "");
                for (String profile : profiles.split("\\s*,\\s*")) {
                    if (!profile.isBlank() && !hasProfile(jar.get(), profile)) {
                        unknown.add(overlay + "/" + deployment.name() + ": SPRING_PROFILES_ACTIVE names profile '" + profile
                                + "', which the service does not have");
                    }
                }
            }
        }
        assertThat(unknown).as("variables that set no property of their service").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyServiceStartsReadyWithExactlyTheEnvironmentOfItsManifest() throws Exception {
        // every image of this repository's modules: a module the manifests deploy but the stack cannot start fails
        return deployments("production").stream().filter(d -> Files.isDirectory(ROOT.resolve(d.module()))).map(deployment ->
                DynamicTest.dynamicTest(deployment.name(), () -> {
                    assertThat(jarOf(deployment)).as("%s: the module's jar (built, and in local-stack's StackService)",
                            deployment.name()).isPresent();
                    startsReady(deployment);
                }));
    }

    private void startsReady(Deployment deployment) throws Exception {
        int port = StackPorts.free().kafka();
        Map<String, String> env = new LinkedHashMap<>(deployment.env());
        // infrastructure addresses only: what the cluster's DNS names resolve to, and the broker's transport (the
        // manifests speak SCRAM over TLS to Strimzi; the test broker listens in plain text)
        if (env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as("%s: Kafka over TLS", deployment.name())
                    .isIn("SASL_SSL", "SSL");
            env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        }
        env.keySet().removeIf(v -> v.startsWith("SPRING_KAFKA_SSL_") || v.startsWith("SPRING_KAFKA_PROPERTIES_SASL_"));
        pointAt(env, "SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        pointAt(env, "SPRING_MONGODB_URI", "mongodb://localhost:" + mongoPort + "/" + deployment.module());
        String declaredIssuer = env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        if (declaredIssuer != null) {
            assertThat(declaredIssuer).as("%s: the identity provider is reached over HTTPS", deployment.name())
                    .startsWith("https://");
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer.issuer());
        }
        // the staff console signs people in at the identity provider: its discovery document is read at startup
        for (String variable : List.copyOf(env.keySet())) {
            if (variable.startsWith("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_") && variable.endsWith("_ISSUERURI")
                    || variable.startsWith("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_") && variable.endsWith("_ISSUER_URI")) {
                assertThat(env.get(variable)).as("%s: %s over HTTPS", deployment.name(), variable).startsWith("https://");
                env.put(variable, issuer.issuer());
            }
        }
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", ""); // readable logs in target/deploy-contract/logs
        ChildProcess process = launcher.start(deployment.name(), work, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                JvmLauncher.jarLaunch(jarOf(deployment).orElseThrow()), List.of(), onlyThese(env));
        try {
            String base = "http://localhost:" + port;
            Readiness.await(process, deployment.name() + " readiness", START_TIMEOUT,
                    () -> Readiness.httpOk(URI.create(base + "/actuator/health/readiness")));
            assertMeant(deployment, env, base);
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    // an admin or staff endpoint of each service with one (besides the sender's and conversations' above)
    private static final Map<String, String> ADMIN_PATHS = Map.of(
            "billing-notifier", "/api/notifications",
            "reminder-scheduler", "/admin/runs",
            "scenario-engine", "/api/admin/audit",
            "odoo-connector", "/api/odoo/status");

    /** What each service's manifest means, checked through the service's own API. */
    private void assertMeant(Deployment deployment, Map<String, String> env, String base) throws Exception {
        switch (deployment.module()) {
            case "webhook-ingress" -> {
                String phoneNumberId = env.get("INGRESS_KNOWN_PHONE_NUMBER_IDS").split(",")[0].strip();
                String secret = env.get("INGRESS_APP_SECRETS").split(",")[0].strip();
                // Meta's own sample (whatsapp-business-java-api's test data, MIT licence beside it)
                String body = new String(DeployContractIT.class.getResourceAsStream("/deploy-contract/textMessage.json")
                        .readAllBytes(), StandardCharsets.UTF_8).replace("409552778964973", phoneNumberId);
                HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhook"))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + hmac(secret, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as("a webhook for the manifest's phone number id, signed with its app "
                        + "secret: %s", accepted.body()).isEqualTo(200);
                HttpResponse<String> handshake = get(base + "/webhook?hub.mode=subscribe&hub.challenge=42&hub.verify_token="
                        + env.get("INGRESS_VERIFY_TOKEN"), null);
                assertThat(handshake.body()).as("Meta's handshake with the manifest's verify token").isEqualTo("42");
            }
            case "outbound-sender" -> {
                assertThat(get(base + "/accounts", null).statusCode()).as("the operators' API without a token")
                        .isEqualTo(401);
                HttpResponse<String> accounts = get(base + "/accounts", bearerIfJwt(env, List.of("admin")));
                assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
                assertThat(accounts.body()).as("the account the manifest describes is bound")
                        .contains(env.get("SENDER_ACCOUNTS_0_PHONE_NUMBER_ID"));
            }
            case "conversation-service" -> {
                assertThat(get(base + "/api/conversations", null).statusCode()).isEqualTo(401);
                HttpResponse<String> withJwt = get(base + "/api/conversations", bearerIfJwt(env, List.of("agent")));
                assertThat(withJwt.statusCode()).as("a staff JWT of the manifest's issuer is accepted: %s", withJwt.body())
                        .isEqualTo(200);
            }
            default -> {
                // readiness with the manifest's environment is what every other service must show
            }
        }
        String adminPath = ADMIN_PATHS.get(deployment.module());
        if (adminPath != null) {
            assertThat(get(base + adminPath, null).statusCode()).as("%s %s without a token", deployment.name(), adminPath)
                    .isEqualTo(401);
            assertThat(get(base + adminPath, "not-a-token").statusCode()).as("%s %s with a forged token",
                    deployment.name(), adminPath).isEqualTo(401);
            HttpResponse<String> withJwt = get(base + adminPath, bearerIfJwt(env, List.of("agent", "admin")));
            assertThat(withJwt.statusCode()).as("%s %s with a JWT of the manifest's issuer: %s", deployment.name(),
                    adminPath, withJwt.body()).isEqualTo(200);
        }
        HttpResponse<String> health = get(base + "/actuator/health", null);
        assertThat(health.statusCode()).as("%s /actuator/health: %s", deployment.name(), health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        for (String exposedNever : List.of("/actuator/env", "/actuator/metrics", "/actuator/beans")) {
            // refused, not found, or (the console) sent to its sign-in page: anything but the endpoint's answer
            HttpResponse<String> answer = get(base + exposedNever, null);
            assertThat(answer.statusCode()).as("%s on %s", exposedNever, deployment.name()).isIn(302, 303, 401, 403, 404);
        }
    }

    private String bearerIfJwt(Map<String, String> env, List<String> roles) throws Exception {
        return env.containsKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") ? issuer.token("ops", roles) : null;
    }

    private static HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET(); // a first call warms a cold JVM
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pointAt(Map<String, String> env, String variable, String testValue) {
        if (env.containsKey(variable)) {
            env.put(variable, testValue);
        }
    }

    /**
     * The manifest's environment and nothing of the test JVM's own (PATH and HOME aside, which every container has):
     * a value that only works because the developer's shell has it must not pass.
     */
    private static Map<String, String> onlyThese(Map<String, String> env) {
        Map<String, String> exact = new LinkedHashMap<>(env);
        System.getenv().keySet().stream().filter(k -> !env.containsKey(k) && !Arrays.asList("PATH", "HOME").contains(k))
                .forEach(k -> exact.put(k, "")); // JvmLauncher adds to the inherited environment: blank the rest
        return exact;
    }

    private static List<Deployment> deployments(String overlay) throws Exception {
        return RenderedManifests.render(ROOT.resolve("deploy/overlays").resolve(overlay)).deployments();
    }

    private static Optional<Path> jarOf(Deployment deployment) {
        return Arrays.stream(StackService.values()).filter(s -> s.module().equals(deployment.module())).findFirst()
                .flatMap(service -> LocalStack.serviceJar(ROOT, service));
    }

    private static boolean hasProfile(Path jar, String profile) throws java.io.IOException {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return Stream.of("yml", "yaml", "properties")
                    .anyMatch(ext -> file.getEntry("BOOT-INF/classes/application-" + profile + "." + ext) != null);
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
