package io.wabiz.ingress;

import io.wabiz.events.Topics;
import io.wabiz.ingress.webhook.WebhookSignature;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ingress on a random port, against the JVM-wide broker, spoken to over real HTTP. Every subclass has
 * the same configuration, so all of them share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure(database = "webhook-ingress")
@ActiveProfiles("test")
public abstract class IngressHttpTest {

    public static final String SECRET = "test-app-secret";
    public static final String ROTATED_SECRET = "test-rotated-secret";
    public static final String[] TOPICS = {Topics.WEBHOOK_RAW, Topics.INBOUND_MESSAGES, Topics.INBOUND_STATUSES,
            Topics.ACCOUNT_NOTICES, Topics.INBOUND_ECHOES};

    @LocalServerPort
    protected int port;

    protected final TestHttp http = new TestHttp(() -> port);

    protected HttpResponse<String> postSigned(byte[] body) {
        return post(body, WebhookSignature.sign(SECRET, body), "application/json");
    }

    protected HttpResponse<String> post(byte[] body, String signature, String contentType) {
        return post(http, "POST", body, signature, contentType);
    }

    protected HttpResponse<String> get(String pathAndQuery) {
        return http.get(pathAndQuery);
    }

    /** A call to the webhook path, with the signature and content type when given (as Meta sends them). */
    static HttpResponse<String> post(TestHttp http, String method, byte[] body, String signature, String contentType) {
        Map<String, String> headers = new HashMap<>();
        if (signature != null) {
            headers.put(WebhookSignature.HEADER, signature);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return http.call(method, "/webhook", body, headers);
    }
}
