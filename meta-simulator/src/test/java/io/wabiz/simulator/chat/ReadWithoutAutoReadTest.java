package io.wabiz.simulator.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.wabiz.simulator.BusinessNumbers;
import io.wabiz.simulator.SimulatorProperties.PhoneNumber;
import io.wabiz.simulator.SimulatorProperties.StatusDelays;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;
import io.wabiz.simulator.webhook.WebhookSigner;
import tools.jackson.databind.json.JsonMapper;

/** With auto-read off, a business message stays delivered until the customer opens the chat. */
class ReadWithoutAutoReadTest {

    private final WireMockServer ingress = new WireMockServer(options().dynamicPort());
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ChatStore store = new ChatStore();
    private final Clock clock = Clock.systemUTC();
    private StatusFlow statuses;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        ingress.stop();
    }

    @Test
    void sendsReadOnlyOnceTheCustomerReadsTheChat() {
        ingress.start();
        ingress.stubFor(post("/webhook").willReturn(aResponse().withStatus(200)));
        BusinessNumbers phones = new BusinessNumbers(List.of(
                new PhoneNumber("100000000000001", "+221 33 800 00 01", "Wabiz", "200000000000001", "GREEN", 80)));
        WebhookDispatcher webhooks = new WebhookDispatcher(URI.create(ingress.baseUrl() + "/webhook"),
                new WebhookSigner("local-app-secret"), HttpClient.newHttpClient(), scheduler, 1,
                Duration.ofMillis(10), clock, 50);
        statuses = new StatusFlow(store, phones, new WebhookPayloads(JsonMapper.builder().build()), webhooks,
                scheduler, clock, new StatusDelays(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)),
                false);
        store.upsertCustomer("221770000401", "Awa", true, clock.instant());
        statuses.accepted(ChatMessage.fromBusiness("wamid.first", "100000000000001", "221770000401", "text",
                clock.instant(), "cmd-1", null, "Bonjour", null, null, null, "service"), null);

        await().atMost(Duration.ofSeconds(5)).until(() -> status("wamid.first").equals("delivered"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> status("wamid.first").equals("delivered"));
        statuses.accepted(ChatMessage.fromBusiness("wamid.second", "100000000000001", "221770000401", "text",
                clock.instant(), "cmd-2", null, "Encore", null, null, null, "service"), null);

        List<String> read = statuses.markRead("221770000401", null);

        assertThat(read).containsExactly("wamid.first", "wamid.second");
        await().atMost(Duration.ofSeconds(5)).until(() -> status("wamid.first").equals("read")
                && status("wamid.second").equals("read"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ingress.findAll(postRequestedFor(urlEqualTo("/webhook")))
                .stream().filter(r -> r.getBodyAsString().contains("\"read\"")).count() == 2);
        assertThat(statuses.markRead("221770000401", null)).as("nothing left to read").isEmpty();
    }

    private String status(String wamid) {
        return store.message(wamid).orElseThrow().status();
    }
}
