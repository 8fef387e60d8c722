package io.wabiz.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.WebhookReceived;
import io.wabiz.ingress.normalise.WebhookNormaliser;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TopicWatcher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Mutated Meta bodies, each validly signed, against the running ingress: every answer is 200, 400 or 422
 * (never a 5xx, never an unhandled error), and what reaches Kafka is exactly the records of the accepted
 * bodies plus one raw record per accepted or malformed body. Seed: {@code -Dfuzz.seed=...}.
 */
class WebhookFuzzTest extends IngressHttpTest {

    private static final int CASES = Integer.getInteger("fuzz.cases", 300);
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_124L);
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 422);

    @Test
    void mutatedSignedBodiesGetNoServerErrorAndPublishOnlyWhatWasAccepted() {
        LoggerFactory.getLogger(WebhookFuzzTest.class).info("Fuzzing {} bodies with seed {}", CASES, SEED);
        WebhookMutator mutator = new WebhookMutator(SEED, Fixtures.all());
        WebhookNormaliser oracle = new WebhookNormaliser();
        double errorsBefore = PrometheusScrape.value(this, "ingress_webhook_requests_total", "outcome=\"error\"");

        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> expectedIds = new ArrayList<>();
        List<String> acceptedRaw = new ArrayList<>();
        List<String> malformedRaw = new ArrayList<>();
        try (TopicWatcher watcher = KafkaTestClient.shared().watch(TOPICS)) {
            for (int i = 0; i < CASES; i++) {
                byte[] body = mutator.next();
                HttpResponse<String> response = postSigned(body);
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                assertThat(EXPECTED).as("case %d answered %d %s to body %s", i, status, response.body(),
                        new String(body, StandardCharsets.UTF_8)).contains(status);
                assertThat(response.body()).doesNotContain("Exception", "\tat ");
                String raw = new String(body, StandardCharsets.UTF_8);
                if (status == 200) {
                    acceptedRaw.add(raw);
                    oracle.normalise(body, Instant.now()).records().forEach(r -> expectedIds.add(r.id()));
                } else if (status == 400) {
                    malformedRaw.add(raw);
                }
            }
            LoggerFactory.getLogger(WebhookFuzzTest.class).info("Answers by status: {}", statuses);
            assertThat(statuses.keySet()).as("the mutations reach both the accepted and the refused paths")
                    .contains(200, 400);

            int expectedCount = expectedIds.size() + acceptedRaw.size() + malformedRaw.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> watcher.records().size() >= expectedCount);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> watcher.records().size() == expectedCount);

            List<TopicRecord> events = watcher.events();
            assertThat(events).hasSize(expectedCount);
            List<WebhookReceived> raws = events.stream().filter(WebhookReceived.class::isInstance)
                    .map(WebhookReceived.class::cast).toList();
            assertThat(raws.stream().filter(r -> r.problem() == null).map(WebhookReceived::rawBody))
                    .containsExactlyInAnyOrderElementsOf(acceptedRaw);
            assertThat(raws.stream().filter(r -> r.problem() != null).map(WebhookReceived::rawBody))
                    .containsExactlyInAnyOrderElementsOf(malformedRaw);
            assertThat(counts(events.stream().filter(r -> !(r instanceof WebhookReceived)).map(TopicRecord::id).toList()))
                    .as("records published, by id: exactly those of the accepted bodies")
                    .isEqualTo(counts(expectedIds));
        }
        assertThat(PrometheusScrape.value(this, "ingress_webhook_requests_total", "outcome=\"error\""))
                .isEqualTo(errorsBefore);
    }

    private static Map<String, Long> counts(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
