package io.wabiz.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.wabiz.simulator.chat.ChatStore;
import io.wabiz.simulator.chat.CustomerActions;
import io.wabiz.simulator.chat.StatusFlow;
import io.wabiz.simulator.faults.GraphFaults;
import io.wabiz.simulator.graph.GraphApi;
import io.wabiz.simulator.graph.GraphRequestLog;
import io.wabiz.simulator.graph.SlidingWindowRateLimiter;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.templates.ShippedTemplates;
import io.wabiz.simulator.templates.TemplateCatalogue;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;
import io.wabiz.simulator.webhook.WebhookSigner;
import tools.jackson.databind.json.JsonMapper;

/** Wires the plain-Java simulator parts from {@link SimulatorProperties}. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService simulatorScheduler() {
        return Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("simulator-", 0).daemon().factory());
    }

    @Bean
    BusinessNumbers businessNumbers(SimulatorProperties properties) {
        return new BusinessNumbers(properties.phoneNumbers());
    }

    @Bean
    TemplateCatalogue templateCatalogue(SimulatorProperties properties, JsonMapper json) {
        return new TemplateCatalogue(ShippedTemplates.withShipped(properties.templates(), json));
    }

    @Bean
    ChatStore chatStore() {
        return new ChatStore();
    }

    @Bean
    MediaStore mediaStore(SimulatorProperties properties) {
        return new MediaStore(dataDir(properties) == null ? null : dataDir(properties).resolve("media"));
    }

    @Bean
    GraphFaults graphFaults() {
        return new GraphFaults();
    }

    @Bean
    GraphRequestLog graphRequestLog(SimulatorProperties properties) {
        return new GraphRequestLog(properties.requestLogSize());
    }

    @Bean
    SlidingWindowRateLimiter sendRateLimiter() {
        return new SlidingWindowRateLimiter(System::nanoTime);
    }

    @Bean
    WebhookPayloads webhookPayloads(JsonMapper json) {
        return new WebhookPayloads(json);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(SimulatorProperties properties, ScheduledExecutorService simulatorScheduler,
                                        Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        return new WebhookDispatcher(URI.create(properties.webhookUrl()), new WebhookSigner(properties.appSecret()),
                http, simulatorScheduler, properties.webhookRetry().maxAttempts(),
                properties.webhookRetry().initialBackoff(), clock, properties.requestLogSize());
    }

    @Bean
    StatusFlow statusFlow(ChatStore chats, BusinessNumbers phones, WebhookPayloads payloads, WebhookDispatcher webhooks,
                          ScheduledExecutorService simulatorScheduler, Clock clock, SimulatorProperties properties) {
        return new StatusFlow(chats, phones, payloads, webhooks, simulatorScheduler, clock,
                properties.statusDelays(), properties.autoRead());
    }

    @Bean
    CustomerActions customerActions(ChatStore chats, BusinessNumbers phones, WebhookPayloads payloads,
                                    WebhookDispatcher webhooks, Clock clock) {
        return new CustomerActions(chats, phones, payloads, webhooks, clock);
    }

    @Bean
    GraphApi graphApi(BusinessNumbers phones, TemplateCatalogue templates, MediaStore media, ChatStore chats,
                      StatusFlow statuses, SlidingWindowRateLimiter sendRateLimiter, JsonMapper json, Clock clock,
                      SimulatorProperties properties) {
        return new GraphApi(phones, templates, media, chats, statuses, sendRateLimiter, json, clock,
                properties.customerWindow(), properties.windowCheck());
    }

    @Bean(initMethod = "start", destroyMethod = "flush")
    SimulatorState simulatorState(ChatStore chats, MediaStore media, GraphRequestLog requests,
                                  WebhookDispatcher webhooks, SlidingWindowRateLimiter sendRateLimiter,
                                  StatusFlow statuses, SimulatorProperties properties, Clock clock, JsonMapper json,
                                  ScheduledExecutorService simulatorScheduler) {
        Path dataDir = dataDir(properties);
        SimulatorState state = new SimulatorState(chats, media, requests, webhooks, sendRateLimiter, statuses,
                properties.customers(), clock, json, dataDir == null ? null : dataDir.resolve("simulator-state.json"));
        if (dataDir != null) {
            simulatorScheduler.scheduleWithFixedDelay(() -> {
                try {
                    state.flush();
                } catch (RuntimeException e) {
                    log.warn("Simulator state not written, retrying: {}", e.getMessage());
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
        }
        return state;
    }

    private static Path dataDir(SimulatorProperties properties) {
        return properties.dataDir() == null || properties.dataDir().isBlank() ? null : Path.of(properties.dataDir());
    }
}
