package io.wabiz.conversations;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TestHttp;
import io.wabiz.testsupport.TestHttp.Answer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the integration tests (every subclass shares it): the whole service on a
 * random port, against the JVM-wide KRaft broker and embedded MongoDB, called over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "conversation-service")
@ActiveProfiles("test")
public abstract class ServiceTest {

    public static final String BUSINESS_NUMBER = "100000000000001";
    public static final String ADMIN = "test-admin-token";
    public static final String AGENT = "test-agent-token";
    public static final String VIEWER = "test-viewer-token";

    protected static final KafkaTestClient kafka = KafkaTestClient.shared();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MeterRegistry meters;

    protected final TestHttp http = new TestHttp(() -> port);

    /** A Senegalese mobile number no other test uses, as a wa_id (221 77 xxx xx xx). */
    protected static String newCustomer() {
        return "22177" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String newWamid() {
        return "wamid.TEST" + UUID.randomUUID().toString().replace("-", "");
    }

    protected Answer get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    protected Answer post(String path, String token, Object body) {
        return call("POST", path, token, body, Map.of());
    }

    protected Answer post(String path, String token, Object body, Map<String, String> headers) {
        return call("POST", path, token, body, headers);
    }

    /** The sum of a meter's counters, those with the given tags ({@code "record", "HandOffRequested"}) only. */
    protected double count(String meter, String... tags) {
        return meters.find(meter).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** A call to the staff API with a bearer token (none when null). */
    protected Answer call(String method, String path, String token, Object body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        return http.json(method, path, body, all);
    }
}
