package io.wabiz.ingress;

import io.wabiz.events.Topics;
import io.wabiz.ingress.webhook.WebhookSignature;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
            Topics.ACCOUNT_NOTICES};

    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    protected HttpResponse<String> postSigned(byte[] body) {
        return post(body, WebhookSignature.sign(SECRET, body), "application/json");
    }

    protected HttpResponse<String> post(byte[] body, String signature, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/webhook")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    protected HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
