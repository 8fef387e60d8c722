package io.wabiz.sender.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.sender.MetaGraphApiStub;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.Account;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Whether a failed send may have reached Meta: the line between "try again" and "outcome unknown". */
class GraphApiClientTest {

    private static final Account ACCOUNT = new Account("100000000000077", "200000000000077",
            "test-token-not-a-secret-77", "v23.0", 80);

    private static GraphApiClient client(URI baseUrl) {
        return new GraphApiClient(new SenderProperties.GraphApi(baseUrl, Duration.ofSeconds(2), Duration.ofMillis(500),
                "HTTP_1_1"));
    }

    private static tools.jackson.databind.node.ObjectNode body() {
        return MessageBodies.message("221770000077", new OutboundContent.Text("Bonjour", false),
                "key-" + UUID.randomUUID(), null);
    }

    @Test
    void aRefusedConnectionNeverReachedMetaAndNothingWasWritten() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AtomicInteger writes = new AtomicInteger();

        GraphResult result = client(URI.create("http://127.0.0.1:" + closedPort)).postMessage(ACCOUNT, body(),
                writes::incrementAndGet);

        assertThat(result).isInstanceOf(GraphResult.NotSent.class);
        assertThat(writes).as("the limiter was never told of a write").hasValue(0);
    }

    @Test
    void aResetOrATimeoutAfterTheWriteMayHaveReachedMeta() {
        String path = "/v23.0/" + ACCOUNT.phoneNumberId() + "/messages";
        GraphApiClient client = client(URI.create(MetaGraphApiStub.baseUrl()));
        MetaGraphApiStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(client.postMessage(ACCOUNT, body())).isInstanceOf(GraphResult.NoAnswer.class);

        MetaGraphApiStub.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withBody("{}").withFixedDelay(1_500)));
        GraphResult timedOut = client.postMessage(ACCOUNT, body());
        assertThat(timedOut).isInstanceOf(GraphResult.NoAnswer.class);
        assertThat(((GraphResult.NoAnswer) timedOut).reason()).startsWith("timeout");
    }
}
