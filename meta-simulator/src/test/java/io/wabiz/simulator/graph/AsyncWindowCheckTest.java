package io.wabiz.simulator.graph;

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

import io.wabiz.simulator.BusinessNumbers;
import io.wabiz.simulator.SimulatorProperties;
import io.wabiz.simulator.chat.ChatMessage;
import io.wabiz.simulator.chat.ChatStore;
import io.wabiz.simulator.chat.StatusFlow;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.templates.TemplateCatalogue;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;
import io.wabiz.simulator.webhook.WebhookSigner;
import tools.jackson.databind.json.JsonMapper;

/** With {@code window-check: ASYNC}, Meta's real behaviour: accepted with a wamid, then failed with 131047. */
class AsyncWindowCheckTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();
    private final ChatStore chats = new ChatStore();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void acceptsFreeFormOutsideTheWindowThenFailsItWithReEngagement() {
        BusinessNumbers phones = new BusinessNumbers(List.of(new SimulatorProperties.PhoneNumber("100000000000001",
                "+221 33 800 00 01", "Wabiz", "200000000000001", "GREEN", 80)));
        WebhookDispatcher webhooks = new WebhookDispatcher(URI.create("http://localhost:9/webhook"),
                new WebhookSigner("local-app-secret"), HttpClient.newHttpClient(), scheduler, 1, Duration.ofMillis(10),
                clock, 10);
        StatusFlow statuses = new StatusFlow(chats, phones, new WebhookPayloads(json), webhooks, scheduler, clock,
                new SimulatorProperties.StatusDelays(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)),
                true);
        GraphApi graph = new GraphApi(phones, new TemplateCatalogue(List.of()), new MediaStore(null), chats, statuses,
                new SlidingWindowRateLimiter(System::nanoTime), json, clock, Duration.ofHours(24),
                SimulatorProperties.WindowCheck.ASYNC);

        GraphApi.Answer answer = graph.send("100000000000001", """
                {"messaging_product":"whatsapp","to":"221770000601","type":"text","text":{"body":"Bonjour"}}""");

        String wamid = answer.wamid();
        assertThat(answer.body().path("messages").path(0).path("id").asString()).isEqualTo(wamid);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "failed".equals(chats.message(wamid).map(ChatMessage::status).orElse(null)));
        assertThat(chats.message(wamid).orElseThrow().errors().getFirst()).containsEntry("code", 131047);
    }
}
