package io.wabiz.odoo.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.odoo.ServiceTest;
import io.wabiz.odoo.rpc.RecordedOdoo;
import io.wabiz.testsupport.TopicWatcher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The automation-webhook receiver: the secret in the URL, Odoo's body, the triple posts read once. */
class WebhookReceiverTest extends ServiceTest {

    @Test
    void theRecordedTriplePostsOfAChangeMakeOneReadAndOneEvent() {
        odoo().webhooksTo("http://localhost:1/nowhere", List.of()); // no webhooks of the stand-in's own
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_SALES_ORDERS)) {
            // watching first: a poll may publish the order before the posts arrive, and their read then adds nothing
            long order = newQuotation(6);
            JsonNode recorded = RecordedOdoo.fixture("automation-webhook-posts").get("posts");
            List<Integer> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // the recorded body, about our order
                String body = recorded.get(i).get("body").stringValue().replace("\"_id\": 25", "\"_id\": " + order)
                        .replace("\"id\": 25", "\"id\": " + order);
                answers.add(http("POST", "/odoo/webhooks/" + WEBHOOK_SECRET, null, body).statusCode());
            }
            assertThat(answers).containsExactly(200, 200, 200);
            String orderId = "sale.order/" + order;
            awaitEvents(watcher, SalesOrderCreated.class, orderId, l -> !l.isEmpty());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4))
                    .until(() -> watcher.events().stream().filter(e -> orderId.equals(e.key())).count() == 1);
        }
    }

    @Test
    void refusesAWrongSecretAndABodyThatIsNotOdoos() {
        HttpResponse<String> wrong = http("POST", "/odoo/webhooks/not-the-secret", null,
                "{\"_model\": \"sale.order\", \"_id\": 1}");
        HttpResponse<String> malformed = http("POST", "/odoo/webhooks/" + WEBHOOK_SECRET, null, "{\"hello\": 1}");
        HttpResponse<String> other = http("POST", "/odoo/webhooks/" + WEBHOOK_SECRET, null,
                "{\"_model\": \"stock.picking\", \"_id\": 3, \"_action\": \"x(#1)\"}");

        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains("stock.picking is not synced");
    }
}
