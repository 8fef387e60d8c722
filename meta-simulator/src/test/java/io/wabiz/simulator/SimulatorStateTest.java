package io.wabiz.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wabiz.simulator.chat.ChatMessage;
import io.wabiz.simulator.chat.ChatStore;
import io.wabiz.simulator.chat.StatusFlow;
import io.wabiz.simulator.graph.GraphRequestLog;
import io.wabiz.simulator.graph.SlidingWindowRateLimiter;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.templates.RenderedTemplate;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;
import io.wabiz.simulator.webhook.WebhookSigner;
import tools.jackson.databind.json.JsonMapper;

class SimulatorStateTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.systemUTC();

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void keepsChatsAndMediaAcrossARestart() {
        Stack before = new Stack();
        before.chats.upsertCustomer("221770000501", "Awa", true, clock.instant());
        before.chats.add(ChatMessage.fromCustomer("wamid.in", "100000000000001", "221770000501", "text",
                clock.instant(), null, "Bonjour", null));
        before.chats.add(ChatMessage.fromBusiness("wamid.out", "100000000000001", "221770000501", "template",
                clock.instant(), "cmd-1", null, "Bonjour Awa",
                json.readTree("{\"type\":\"template\",\"template\":{\"name\":\"order_created\"}}"),
                new RenderedTemplate("order_created", "fr", "UTILITY", null, null, null, null, "Bonjour Awa", null,
                        List.of(new RenderedTemplate.Button(0, "QUICK_REPLY", "Valider", "order:1", null))),
                null, "utility"));
        String mediaId = before.media.put(new byte[] {1, 2, 3}, "application/pdf", "f.pdf").id();
        before.state.flush();

        Stack after = new Stack();
        after.state.start();

        assertThat(after.chats.customers()).extracting(c -> c.waId()).containsExactlyInAnyOrder("221770000501", "221770000001");
        assertThat(after.chats.customer("221770000501").orElseThrow().windowOpen(clock.instant(), Duration.ofHours(24)))
                .isTrue();
        assertThat(after.chats.chat("221770000501")).extracting(ChatMessage::wamid).containsExactly("wamid.in", "wamid.out");
        ChatMessage template = after.chats.message("wamid.out").orElseThrow();
        assertThat(template.template().buttons().getFirst().payload()).isEqualTo("order:1");
        assertThat(template.message().path("template").path("name").asString()).isEqualTo("order_created");
        assertThat(after.media.get(mediaId).orElseThrow().bytes()).containsExactly(1, 2, 3);
    }

    /** The parts a simulator process holds, on one data folder. */
    private final class Stack {
        final ChatStore chats = new ChatStore();
        final MediaStore media = new MediaStore(dataDir.resolve("media"));
        final SimulatorState state;

        Stack() {
            BusinessNumbers phones = new BusinessNumbers(List.of(new SimulatorProperties.PhoneNumber("100000000000001",
                    "+221 33 800 00 01", "Wabiz", "200000000000001", "GREEN", 80)));
            WebhookDispatcher webhooks = new WebhookDispatcher(URI.create("http://localhost:9/webhook"),
                    new WebhookSigner("secret"), HttpClient.newHttpClient(), scheduler, 1, Duration.ofMillis(10), clock, 10);
            StatusFlow statuses = new StatusFlow(chats, phones, new WebhookPayloads(json), webhooks, scheduler, clock,
                    new SimulatorProperties.StatusDelays(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)),
                    true);
            state = new SimulatorState(chats, media, new GraphRequestLog(10), webhooks,
                    new SlidingWindowRateLimiter(System::nanoTime), statuses,
                    List.of(new SimulatorProperties.Customer("221770000001", "Awa Diop")), clock, json,
                    dataDir.resolve("simulator-state.json"));
        }
    }
}
