package io.wabiz.sender;

import static org.awaitility.Awaitility.await;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.sender.window.ConversationWindows;
import io.wabiz.testsupport.EmbeddedInfrastructure;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of the integration tests (shared through context caching): the real
 * broker, the embedded MongoDB, and WireMock as Meta. Three business numbers: {@link #NUMBER} for most
 * tests, {@link #TOKEN_NUMBER} whose token Meta refuses, {@link #RATE_NUMBER} for the rate test. The operators'
 * API takes {@link #ADMIN_TOKEN}.
 */
@SpringBootTest(classes = OutboundSenderApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "sender.accounts[0].phone-number-id=" + SenderIntegrationTest.NUMBER,
                "sender.accounts[0].waba-id=" + SenderIntegrationTest.WABA,
                "sender.accounts[0].access-token=test-token-not-a-secret-1",
                "sender.accounts[1].phone-number-id=" + SenderIntegrationTest.TOKEN_NUMBER,
                "sender.accounts[1].waba-id=" + SenderIntegrationTest.WABA,
                "sender.accounts[1].access-token=test-token-not-a-secret-2",
                "sender.accounts[2].phone-number-id=" + SenderIntegrationTest.RATE_NUMBER,
                "sender.accounts[2].waba-id=" + SenderIntegrationTest.WABA,
                "sender.accounts[2].access-token=test-token-not-a-secret-3",
                "sender.accounts[2].messages-per-second=80",
                "sender.retry.initial-backoff=20ms",
                "sender.retry.max-backoff=200ms",
                "sender.retry.pair-rate-backoff=50ms",
                "sender.retry.circuit-failure-rate-percent=100",
                "sender.rate.recipient-spacing=0s",
                "sender.templates.sync-on-start=false",
                "sender.consumer.failure-retry-delay=200ms",
                "sender.graph-api.request-timeout=3s",
                "sender.reconciliation.resolve-within=3s",
                "sender.reconciliation.sweep-interval=500ms",
                "sender.security.static-tokens[0].token=" + SenderIntegrationTest.ADMIN_TOKEN,
                "sender.security.static-tokens[0].user=test-admin",
                "sender.security.static-tokens[0].roles=admin",
                "sender.security.static-tokens[1].token=" + SenderIntegrationTest.AGENT_TOKEN,
                "sender.security.static-tokens[1].user=test-agent",
                "sender.security.static-tokens[1].roles=agent",
                // WireMock shares this JVM and busy cores: its own scheduling delays arrivals by tens of ms
                "sender.rate.safety-margin=200ms",
                "logging.structured.format.console="})
@EmbeddedInfrastructure(database = "outbound-sender")
public abstract class SenderIntegrationTest {

    public static final String NUMBER = "100000000000001";
    public static final String TOKEN_NUMBER = "100000000000002";
    public static final String RATE_NUMBER = "100000000000003";
    public static final String WABA = "200000000000001";
    /** The operators' API: an administrator's token, and an agent's (whose role is not enough). */
    public static final String ADMIN_TOKEN = "test-admin-token-not-a-secret";
    public static final String AGENT_TOKEN = "test-agent-token-not-a-secret";

    /** The JVM's one client of the embedded broker (test-support's): neither opened nor closed here. */
    protected static final KafkaTestClient kafka = KafkaTestClient.shared();

    @Autowired
    protected ConversationWindows windows;

    @LocalServerPort
    protected int port;

    protected final TestHttp http = new TestHttp(() -> port);

    @DynamicPropertySource
    static void meta(DynamicPropertyRegistry registry) {
        registry.add("sender.graph-api.base-url", MetaGraphApiStub::baseUrl);
    }

    @BeforeEach
    void metaAcceptsSends() {
        MetaGraphApiStub.server().resetAll();
        MetaGraphApiStub.acceptEverySend();
    }

    /** The customer writes: their 24-hour window opens. */
    protected void customerWrites(String number, String customer) {
        kafka.publish(new InboundMessageReceived(UUID.randomUUID().toString(), Instant.now(), number,
                "+221 33 800 00 01", WABA, customer, null, "Customer", "wamid.IN-" + UUID.randomUUID(),
                Instant.now(), "text", null, new InboundContent.Text("Bonjour")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> windows.isOpen(number + ":" + customer, Instant.now()));
    }

    protected static SendMessage command(String number, String customer, OutboundContent content, String key) {
        return new SendMessage(UUID.randomUUID().toString(), Instant.now(), number, customer, content, null, key,
                null, null);
    }

    protected static String uniqueCustomer() {
        return "2217" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }
}
