package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.sender.templates.TemplateScheduler;
import io.wabiz.testsupport.SlidingWindows;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimitTest extends SenderIntegrationTest {

    @Autowired
    TemplateScheduler templates;

    @Test
    void fourHundredCommandsAtEightyPerSecondNeverPutMoreThanEightyIntoAnySlidingSecond() {
        MessageBodiesContractTest.metaHasTemplates(templates);
        String run = UUID.randomUUID().toString();
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            for (int i = 0; i < 400; i++) {
                kafka.publish(command(RATE_NUMBER, "22178" + String.format("%07d", i),
                        MessageBodiesContractTest.invoiceReminder(), "rate-" + run + "-" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.events(MessageAccepted.class).stream()
                    .filter(a -> a.idempotencyKey().startsWith("rate-" + run)).count() == 400);
        }

        List<Long> arrivals = MetaGraphApiStub.server()
                .findAll(postRequestedFor(urlPathEqualTo("/v23.0/" + RATE_NUMBER + "/messages"))).stream()
                .map(LoggedRequest::getLoggedDate).map(d -> d.getTime()).sorted().toList();
        assertThat(arrivals).hasSize(400);
        assertThat(SlidingWindows.maxInAnySecond(arrivals)).isLessThanOrEqualTo(80);
        assertThat(arrivals.getLast() - arrivals.getFirst()).as("400 at 80/s take over 4 s")
                .isGreaterThanOrEqualTo(4_000);
    }
}
