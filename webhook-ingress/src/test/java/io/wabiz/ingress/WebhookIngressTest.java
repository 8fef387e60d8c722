package io.wabiz.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.WebhookReceived;
import io.wabiz.ingress.webhook.WebhookSignature;
import io.wabiz.testsupport.KafkaTestClient;
import io.wabiz.testsupport.TopicWatcher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookIngressTest extends IngressHttpTest {

    private static final String WAMID_TEXT = "wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==";
    private static final String META_NUMBER = "409552778964973";
    private static final String META_CHAT = META_NUMBER + ":1111111111111";

    private static final KafkaTestClient kafka = KafkaTestClient.shared();

    /** What each of Meta's samples must become (besides its raw record), described by {@link RecordDescriptions}. */
    static Stream<Arguments> metaSamples() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("accountBanned", List.of("notice whatsapp-business-account-id account_update DISABLED_UPDATE")),
                Map.entry("accountRestricted", List.of("notice whatsapp-business-account-id account_update ACCOUNT_RESTRICTION")),
                Map.entry("accountReview", List.of("notice whatsapp-business-account-id account_review_update APPROVED")),
                Map.entry("audioMessage", List.of("message 1111111111111:1111111111111 wamid.HBzk5zNkE1NNzAzgNNTUyNMDkzIYFDNFNhjMyNjcUCABQjA1NzcDY0M0AA== audio:827776106019109")),
                Map.entry("buttonMessage", List.of("message " + META_CHAT + " " + WAMID_TEXT + " quick:SIM re:" + WAMID_TEXT)),
                Map.entry("contactMessage", List.of("message " + META_CHAT + " wamid.HBgNNEMkNETUyNUCDkzNABIYFDNFQjA1zk5NzAzMhQjA5OTFQjNFQkU3AA== contacts:Person Ok")),
                Map.entry("documentMessage", List.of("message 1111111111111:1111111111111 wamid.HBgABIYNNTUyxMEFFk5NzATY2QT0TY2QT0zMDkzNhUCFDNFQjBFMNzARjFDQQ1AA== document:848704520347750")),
                Map.entry("imageMessage", List.of("message " + META_CHAT + " wamid.HBgODE0NDQwANNTTBGRjkUyNzkzNhUCABIYFDNF5NzAzMDkQjBEQ3NjdBA== image:8472976218001204")),
                Map.entry("locationMessage", List.of("message " + META_CHAT + " wamid.HBgNNVENjUTzk5NzAzMUyNDkzIYFDNBMERNhUCABBMkYzNjhFQzzNEUwAA== location:-10.93941311633,-10.606395436721")),
                Map.entry("mediaUploadError", List.of("status " + META_CHAT + " wamid.HBgNNTUyNzk5NzAUZBQTI3MzRGRDA3MjgzMDkzNhUCABEYEjNCR2OQA= FAILED errors:131053")),
                Map.entry("messageDeleted", List.of("message " + META_CHAT + " " + WAMID_TEXT + " unsupported:unsupported errors:131051")),
                Map.entry("phoneNumberNameUpdate", List.of("notice waba-id phone_number_name_update APPROVED")),
                Map.entry("qualityUpdate", List.of("notice waba-id phone_number_quality_update FLAGGED")),
                Map.entry("reEngagementMessageError", List.of("status 109999999999999:5511111111111 wamid.HBgNN5NzAzMDkTUyNzkzNhUEjA1MjUwNCAUIyNEYUQ0OTVGNTY0MwA= FAILED errors:131047")),
                Map.entry("reactMessage", List.of("message " + META_CHAT + " " + WAMID_TEXT + " reaction:👍")),
                Map.entry("rejectedTemplate", List.of("notice 880480871844883 message_template_status_update REJECTED template:schedule_confirmation4")),
                Map.entry("stickerMessage", List.of("message " + META_CHAT + " " + WAMID_TEXT + " sticker:1604825680670873")),
                Map.entry("templateSchedulingForDisabling", List.of("notice whatsapp-business-account-id message_template_status_update FLAGGED template:My message template")),
                Map.entry("textMessage", List.of("message " + META_CHAT + " " + WAMID_TEXT + " text:hi everyone!")),
                Map.entry("textMessage2", List.of("message " + META_NUMBER + ":" + META_NUMBER + " " + WAMID_TEXT + " text:Good afternoon")),
                Map.entry("textMessageStatusDelivered", List.of("status " + META_CHAT + " " + WAMID_TEXT + " DELIVERED")),
                Map.entry("textMessageStatusRead", List.of("status " + META_CHAT + " " + WAMID_TEXT + " READ")),
                Map.entry("textMessageStatusSent", List.of("status " + META_CHAT + " " + WAMID_TEXT + " SENT")),
                Map.entry("verifiedAccount", List.of("notice whatsapp-business-account-id account_update VERIFIED_ACCOUNT")),
                Map.entry("videoMessage", List.of("message " + META_CHAT + " wamid.HBgNNTUyNzk5NzAzMDkzNhUCABIYFDNFQjAwQjVGQUFGOEVDMTUyMTJBAA== video:661828760183585")));
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.META_SAMPLES);
        return Fixtures.META_SAMPLES.stream().map(name -> Arguments.of(name, expected.get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metaSamples")
    void acceptsEachSignedMetaSampleAndPublishesItsRecords(String sample, List<String> expected) {
        byte[] body = Fixtures.meta(sample);
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            HttpResponse<String> response = postSigned(body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<TopicRecord> published = awaitRecords(watcher, expected.size() + 1);
            WebhookReceived raw = (WebhookReceived) published.stream().filter(WebhookReceived.class::isInstance)
                    .findFirst().orElseThrow();
            assertThat(raw.rawBody().getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
            assertThat(raw.problem()).isNull();
            assertThat(published.stream().filter(r -> !(r instanceof WebhookReceived)).map(RecordDescriptions::describe))
                    .containsExactlyElementsOf(expected);
            assertOnTheirTopicsUnderTheirKeys(watcher);
        }
    }

    @Test
    void acceptsABodySignedWithTheRotatedSecret() {
        byte[] body = Fixtures.own("interactiveButtonReply");
        try (TopicWatcher watcher = kafka.watch(Topics.INBOUND_MESSAGES)) {
            HttpResponse<String> response = post(body, WebhookSignature.sign(ROTATED_SECRET, body), "application/json");

            assertThat(response.statusCode()).isEqualTo(200);
            InboundMessageReceived tap = watcher.awaitEvents(InboundMessageReceived.class, 1).getFirst();
            assertThat(RecordDescriptions.describe(tap)).isEqualTo("message 100000000000001:221770000001 "
                    + "wamid.CUSTOMER-BUTTON-TAP-0001 button:order:SO-0042:confirm re:wamid.BUSINESS-ORDER-MESSAGE-0001");
        }
    }

    @Test
    void publishesOurOwnShapesInteractiveRepliesErrorsAndFutureTypes() {
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            for (String name : List.of("interactiveListReply", "valueErrors", "unknownFutureFieldsAndTypes")) {
                assertThat(postSigned(Fixtures.own(name)).statusCode()).as(name).isEqualTo(200);
            }
            List<String> published = awaitRecords(watcher, 3 + 1 + 1 + 5).stream()
                    .filter(r -> !(r instanceof WebhookReceived)).map(RecordDescriptions::describe).toList();
            assertThat(published).containsExactlyInAnyOrder(
                    "message 100000000000001:221770000001 wamid.CUSTOMER-LIST-PICK-0002 list:menu:invoices re:wamid.BUSINESS-MENU-MESSAGE-0002",
                    "notice 200000000000001 messages null errors:131000",
                    "message 100000000000001:221770000001 wamid.FUTURE-TYPE-1 unsupported:hologram errors:",
                    "message 100000000000001:221770000001 wamid.FUTURE-INTERACTIVE-2 unsupported:interactive.hologram_reply errors:",
                    "message 100000000000001:221770000001 wamid.FUTURE-TEXT-3 text:still readable",
                    "notice 200000000000001 messages teleported",
                    "notice 200000000000001 business_capability_teleport_update SOMETHING_NEW");
        }
    }

    @Test
    void publishesPywasNewerShapesCartsFlowsSystemNotesEditsDeletionsUsernamesAndAppEchoes() {
        List<String> names = Fixtures.PYWA.stream().filter(name -> !name.equals("revokedMessage")).toList();
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            for (String name : names) {
                assertThat(postSigned(Fixtures.pywa(name)).statusCode()).as(name).isEqualTo(200);
            }
            List<String> published = awaitRecords(watcher, 2 * names.size()).stream()
                    .filter(r -> !(r instanceof WebhookReceived)).map(RecordDescriptions::describe).toList();
            assertThat(published).containsExactlyInAnyOrder(
                    "message 106540352242922:US.13491208655302741918 wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA= text:Does it come in another color?",
                    "status 106540352242922:US.13491208655302741918 wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA= DELIVERED",
                    "message 1122334455667:972987654321 wamid.xyzxyz order:HAMBURGERx3,FRENCH_FRIESx2,SODAx2",
                    "message 1122334455667:972987654321 wamid.wegrchytvwcggt== flow:flow:Sent re:wamid.gvwegfretge==",
                    "message 1122334455667:972987654321 wamid.xyzxyz== system:user_changed_number:972912345678",
                    "message 1122334455667:972987654321 wamid.xyzxyz system:customer_identity_changed",
                    "message 106540352242922:16505551234 wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA= edit:wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=->image:1234567890",
                    "echo 1122334455667:<WHATSAPP_USER_PHONE_NUMBER> <WHATSAPP_MESSAGE_ID> text:Test message",
                    "echo 1122334455667:972987654321 wamid.yyyyyy edit:wamid.zzzzzz->text:Text was edited",
                    "echo 1122334455667:972987654321 wamid.yyyyyy revoke:wamid.zzzzzz");
        }
    }

    @Test
    void publishesEveryEntryMessageAndStatusOfABodyInOrderPerConversation() {
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            assertThat(postSigned(Fixtures.own("severalEntriesAndChanges")).statusCode()).isEqualTo(200);

            List<TopicRecord> published = awaitRecords(watcher, 12);
            assertThat(published).hasSize(12);
            assertThat(byTopicAndKey(watcher, Topics.INBOUND_MESSAGES, "100000000000001:221770000001")).containsExactly(
                    "message 100000000000001:221770000001 wamid.MULTI-A-1 text:A1: bonjour",
                    "message 100000000000001:221770000001 wamid.MULTI-A-2 text:A2: ma commande ?",
                    "message 100000000000001:221770000001 wamid.MULTI-A-3 button:order:SO-0043:details re:wamid.BUSINESS-ORDER-MESSAGE-0003");
            assertThat(byTopicAndKey(watcher, Topics.INBOUND_STATUSES, "100000000000001:221770000001")).containsExactly(
                    "status 100000000000001:221770000001 wamid.BUSINESS-SENT-A SENT",
                    "status 100000000000001:221770000001 wamid.BUSINESS-SENT-A DELIVERED",
                    "status 100000000000001:221770000001 wamid.BUSINESS-SENT-A READ");
            // across topics there is no order to keep: each consumer reads its topic
            assertThat(byKey(published, "100000000000001:221770000002")).containsExactlyInAnyOrder(
                    "message 100000000000001:221770000002 wamid.MULTI-B-1 text:B1: salut",
                    "status 100000000000001:221770000002 wamid.BUSINESS-SENT-B READ");
            assertThat(byKey(published, "100000000000002:221770000003")).containsExactlyInAnyOrder(
                    "message 100000000000002:221770000003 wamid.MULTI-C-1 text:C1: facture ?",
                    "status 100000000000002:221770000003 wamid.BUSINESS-SENT-C FAILED errors:131026");
            assertThat(byKey(published, "200000000000001")).containsExactly(
                    "notice 200000000000001 message_template_status_update APPROVED template:order_created");
            assertThat(byKey(published, "100000000000001")).containsExactly("raw 100000000000001");
        }
    }

    @Test
    void refusesTamperedForgedOrUnsignedBodiesAndPublishesNothing() {
        double before = PrometheusScrape.value(this, "ingress_webhook_signature_failures_total", "reason=\"mismatch\"");
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            List<byte[]> bodies = new ArrayList<>(Fixtures.all());
            for (byte[] body : bodies) {
                String signature = WebhookSignature.sign(SECRET, body);
                byte[] tampered = body.clone();
                tampered[tampered.length / 2] ^= 0x01;
                assertThat(post(tampered, signature, "application/json").statusCode()).isEqualTo(401);
                assertThat(post(body, WebhookSignature.sign("someone-elses-secret", body), "application/json").statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> unsigned = post(bodies.getFirst(), null, "application/json");
            assertThat(unsigned.statusCode()).isEqualTo(401);
            assertThat(unsigned.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(unsigned.body()).contains("\"status\":401").doesNotContain("Exception", "at io.");

            watcher.assertNothingFor(Duration.ofSeconds(1));
        }
        assertThat(PrometheusScrape.value(this, "ingress_webhook_signature_failures_total", "reason=\"mismatch\""))
                .isEqualTo(before + 2 * Fixtures.all().size());
    }

    @Test
    void answersASignedBodyThatIsNotAWebhookWith400AndKeepsItOnTheRawTopicOnly() {
        byte[] notJson = "this is not JSON {".getBytes(StandardCharsets.UTF_8);
        byte[] wrongShape = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"100000000000001\"},\"messages\":[{\"id\":\"wamid.X\"}]}}]}]}"
                .getBytes(StandardCharsets.UTF_8);
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            HttpResponse<String> garbage = postSigned(notJson);
            HttpResponse<String> shape = postSigned(wrongShape);

            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(garbage.body()).contains("\"title\":\"Malformed webhook\"", "not JSON").doesNotContain("\tat ");
            assertThat(shape.statusCode()).isEqualTo(400);
            assertThat(shape.body()).contains("messages[0].from is missing");

            List<WebhookReceived> raw = watcher.awaitEvents(WebhookReceived.class, 2);
            assertThat(raw).extracting(WebhookReceived::rawBody)
                    .containsExactlyInAnyOrder(new String(notJson, StandardCharsets.UTF_8),
                            new String(wrongShape, StandardCharsets.UTF_8));
            assertThat(raw).allSatisfy(r -> assertThat(r.problem()).isNotBlank());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                    .until(() -> watcher.records().size() == 2);
        }
    }

    @Test
    void refusesABodyForAnUnknownBusinessNumberWithoutPublishingAnything() {
        byte[] body = new String(Fixtures.own("interactiveButtonReply"), StandardCharsets.UTF_8)
                .replace("100000000000001", "100000000000999").getBytes(StandardCharsets.UTF_8);
        double before = PrometheusScrape.value(this, "ingress_webhook_unknown_phone_numbers_total", "");
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            HttpResponse<String> response = postSigned(body);

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("100000000000999");
            watcher.assertNothingFor(Duration.ofSeconds(1));
        }
        assertThat(PrometheusScrape.value(this, "ingress_webhook_unknown_phone_numbers_total", "")).isEqualTo(before + 1);
    }

    @Test
    void refusesAnUnreadableContentTypeWith415AndOtherMethodsWith405() {
        byte[] body = Fixtures.meta("textMessage");
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            HttpResponse<String> unreadable = post(body, WebhookSignature.sign(SECRET, body), "application/");
            HttpResponse<String> put = post(http, "PUT", body, WebhookSignature.sign(SECRET, body), "application/json");

            assertThat(unreadable.statusCode()).isEqualTo(415);
            assertThat(unreadable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(put.statusCode()).isEqualTo(405);
            assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
            assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(put.body()).contains("\"status\":405", "urn:wabiz:ingress:method-not-allowed");
            watcher.assertNothingFor(Duration.ofSeconds(1));
        }
    }

    @Test
    void refusesAnOversizedBodyWith413AndAWrongContentTypeWith415() {
        byte[] oversized = ("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = Fixtures.meta("textMessage");
        try (TopicWatcher watcher = kafka.watch(TOPICS)) {
            HttpResponse<String> tooLarge = postSigned(oversized);
            HttpResponse<String> form = post(body, WebhookSignature.sign(SECRET, body), "application/x-www-form-urlencoded");
            HttpResponse<String> none = post(body, WebhookSignature.sign(SECRET, body), null);

            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("\"status\":413");
            assertThat(form.statusCode()).isEqualTo(415);
            assertThat(form.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(form.body()).doesNotContain("Exception");
            assertThat(none.statusCode()).isEqualTo(415);
            watcher.assertNothingFor(Duration.ofSeconds(1));
        }
    }

    @Test
    void echoesTheChallengeOnlyToASubscriptionWithTheVerifyToken() {
        HttpResponse<String> verified = get("/webhook?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).isEqualTo("1158201444");
        assertThat(verified.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");

        assertThat(get("/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").statusCode()).isEqualTo(403);
        assertThat(get("/webhook?hub.mode=unsubscribe&hub.verify_token=test-verify-token&hub.challenge=1").statusCode())
                .isEqualTo(403);
        assertThat(get("/webhook?hub.challenge=1").statusCode()).isEqualTo(403);
    }

    @Test
    void exposesProbesAndPrometheusMetrics() {
        assertThat(postSigned(Fixtures.meta("textMessageStatusSent")).statusCode()).isEqualTo(200);

        HttpResponse<String> liveness = get("/actuator/health/liveness");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health").body()).contains("\"kafka\"");

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("ingress_webhook_requests_total{application=\"webhook-ingress\",outcome=\"accepted\"}",
                "ingress_kafka_publish_seconds_bucket", "ingress_webhook_signature_failures_total",
                "ingress_webhook_records_total");
        assertThat(metrics).as("per-request HTTP observation is off on this hot path")
                .doesNotContain("http_server_requests_seconds_count{");
        assertThat(PrometheusScrape.value(this, "ingress_webhook_requests_total", "outcome=\"accepted\"")).isPositive();
    }

    private static List<TopicRecord> awaitRecords(TopicWatcher watcher, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> watcher.records().size() >= count);
        // and no more than that: a record that arrives late would be a duplicate
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> watcher.records().size() == count);
        return watcher.events();
    }

    private static void assertOnTheirTopicsUnderTheirKeys(TopicWatcher watcher) {
        for (ConsumerRecord<String, byte[]> record : watcher.records()) {
            String type = TopicWatcher.header(record, "ce_type").orElseThrow().replaceFirst("^io\\.wabiz\\.", "");
            String expectedTopic = switch (type) {
                case "WebhookReceived" -> Topics.WEBHOOK_RAW;
                case "InboundMessageReceived" -> Topics.INBOUND_MESSAGES;
                case "MessageStatusChanged" -> Topics.INBOUND_STATUSES;
                case "AccountNoticeReceived" -> Topics.ACCOUNT_NOTICES;
                default -> "unexpected type " + type;
            };
            assertThat(record.topic()).isEqualTo(expectedTopic);
            assertThat(TopicWatcher.header(record, "ce_source")).hasValue("/webhook-ingress");
        }
        watcher.events().forEach(event -> assertThat(watcher.records().stream()
                .anyMatch(r -> event.key().equals(r.key()))).isTrue());
    }

    private static List<String> byKey(List<TopicRecord> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).map(RecordDescriptions::describe).toList();
    }

    private static List<String> byTopicAndKey(TopicWatcher watcher, String topic, String key) {
        List<TopicRecord> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : watcher.records()) {
            if (record.topic().equals(topic) && key.equals(record.key())) {
                events.addAll(watcher.events().stream()
                        .filter(e -> TopicWatcher.header(record, "ce_id").orElse("").equals(e.id())).toList());
            }
        }
        return events.stream().map(RecordDescriptions::describe).toList();
    }
}
