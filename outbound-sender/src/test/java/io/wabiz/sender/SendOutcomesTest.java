package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.wabiz.sender.MetaGraphApiStub.metaError;
import static io.wabiz.sender.MetaGraphApiStub.okJson;
import static io.wabiz.sender.MetaGraphApiStub.resource;
import static io.wabiz.sender.MetaGraphApiStub.sendWithKey;
import static io.wabiz.sender.MetaGraphApiStub.sendsWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.kafka.CloudEventHeaders;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.outbound.TemplateSynced;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.platform.kafka.PlatformKafkaAutoConfiguration;
import io.wabiz.sender.accounts.AccountRegistry;
import io.wabiz.sender.send.MessageSender;
import io.wabiz.sender.templates.TemplateScheduler;
import io.wabiz.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each answer of Meta's (or its silence) becomes: retries, outcomes, pauses, windows, duplicates. */
class SendOutcomesTest extends SenderIntegrationTest {

    @Autowired
    AccountRegistry accounts;

    @Autowired
    TemplateScheduler templates;

    @Autowired
    MeterRegistry meters;

    private static final OutboundContent.Text HELLO = new OutboundContent.Text("Bonjour", false);

    private TopicRecord sendAndAwaitOutcome(SendMessage command) {
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            kafka.publish(command);
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> outcomes.events().stream().filter(e -> isOutcomeOf(e, command)).findFirst(),
                            java.util.Optional::isPresent).orElseThrow();
        }
    }

    private static boolean isOutcomeOf(TopicRecord event, SendMessage command) {
        return (event instanceof MessageAccepted a && a.idempotencyKey().equals(command.idempotencyKey()))
                || (event instanceof MessageRejected r && r.idempotencyKey().equals(command.idempotencyKey()));
    }

    private SendMessage freeFormToOpenWindow(String key) {
        String customer = uniqueCustomer();
        customerWrites(NUMBER, customer);
        return command(NUMBER, customer, HELLO, key);
    }

    @Test
    void metasDocumentedAnswerBecomesAnAcceptedOutcomeWithItsWamid() {
        SendMessage command = freeFormToOpenWindow("accepted-" + UUID.randomUUID());

        MessageAccepted accepted = (MessageAccepted) sendAndAwaitOutcome(command);

        assertThat(accepted.wamid()).isEqualTo("wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww");
        assertThat(accepted.form()).isEqualTo(SendForm.FREE_FORM);
        assertThat(accepted.key()).isEqualTo(command.conversationKey());
    }

    @Test
    void throttledSendIsRetriedAfterBackoffAndSentOnce() {
        SendMessage command = freeFormToOpenWindow("throttled-" + UUID.randomUUID());
        String key = command.idempotencyKey();
        MetaGraphApiStub.server().stubFor(sendWithKey(key).inScenario(key).whenScenarioStateIs(STARTED)
                .willReturn(metaError(429, 130429, "Rate limit hit")).willSetStateTo("ok"));
        MetaGraphApiStub.server().stubFor(sendWithKey(key).inScenario(key).whenScenarioStateIs("ok")
                .willReturn(okJson(resource("meta/message.json"))));

        assertThat(sendAndAwaitOutcome(command)).isInstanceOf(MessageAccepted.class);

        var requests = sendsWithKey(key);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).getLoggedDate().toInstant(),
                requests.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(10));
    }

    @Test
    void aMessageThrottledForLongerThanItsMaxAttemptsIsSentOnceMetaLiftsTheLimit() {
        SendMessage command = freeFormToOpenWindow("throttled-long-" + UUID.randomUUID());
        String key = command.idempotencyKey();
        // eight throttled answers, more than max-attempts (5) calls: an invoice must not be given up for that
        String[] states = {STARTED, "t1", "t2", "t3", "t4", "t5", "t6", "t7", "ok"};
        for (int i = 0; i < 8; i++) {
            MetaGraphApiStub.server().stubFor(sendWithKey(key).inScenario(key).whenScenarioStateIs(states[i])
                    .willReturn(metaError(i % 2 == 0 ? 429 : 400, i % 2 == 0 ? 130429 : 80007, "Rate limit hit"))
                    .willSetStateTo(states[i + 1]));
        }
        MetaGraphApiStub.server().stubFor(sendWithKey(key).inScenario(key).whenScenarioStateIs("ok")
                .willReturn(okJson(resource("meta/message.json"))));

        assertThat(sendAndAwaitOutcome(command)).isInstanceOf(MessageAccepted.class);

        assertThat(sendsWithKey(key)).hasSize(9);
    }

    @Test
    void serverErrorsThreeTimesThenSuccessSendsOneMessage() {
        SendMessage command = freeFormToOpenWindow("five-hundred-" + UUID.randomUUID());
        String key = command.idempotencyKey();
        String[] states = {STARTED, "failed-1", "failed-2", "failed-3"};
        for (int i = 0; i < 3; i++) {
            MetaGraphApiStub.server().stubFor(sendWithKey(key).inScenario(key).whenScenarioStateIs(states[i])
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()
                            .withBody("<html>Bad gateway</html>"))
                    .willSetStateTo(states[i + 1]));
        }
        MetaGraphApiStub.server().stubFor(sendWithKey(key).inScenario(key).whenScenarioStateIs("failed-3")
                .willReturn(okJson(resource("meta/message.json"))));

        assertThat(sendAndAwaitOutcome(command)).isInstanceOf(MessageAccepted.class);
        assertThat(sendsWithKey(key)).hasSize(4);
    }

    @Test
    void connectionResetAfterTheRequestWasWrittenIsNeverRetriedAndLeavesTheOutcomeUnknown() {
        SendMessage command = freeFormToOpenWindow("reset-" + UUID.randomUUID());
        String key = command.idempotencyKey();
        MetaGraphApiStub.server().stubFor(sendWithKey(key).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        MessageRejected unknown = (MessageRejected) sendAndAwaitOutcome(command);

        assertThat(unknown.errorTitle()).isEqualTo(MessageSender.OUTCOME_UNKNOWN);
        assertThat(unknown.retryable()).isFalse();
        assertThat(unknown.reason()).contains("not sent again");
        assertThat(sendsWithKey(key)).as("Meta may have it: a second request could be a second message").hasSize(1);
    }

    @Test
    void metaAcceptingThenStallingPastTheReadTimeoutIsUnknownUntilTheStatusWebhookWithTheKeySettlesIt() {
        SendMessage command = freeFormToOpenWindow("stall-" + UUID.randomUUID());
        String key = command.idempotencyKey();
        MetaGraphApiStub.server().stubFor(sendWithKey(key).willReturn(okJson(resource("meta/message.json"))
                .withFixedDelay(4_000))); // past the 3 s request timeout

        MessageRejected unknown = (MessageRejected) sendAndAwaitOutcome(command);
        assertThat(unknown.errorTitle()).isEqualTo(MessageSender.OUTCOME_UNKNOWN);
        assertThat(sendsWithKey(key)).hasSize(1);

        String wamid = "wamid.STALLED-" + UUID.randomUUID();
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            kafka.publish(statusOf(command, wamid, DeliveryStatus.SENT));
            MessageAccepted accepted = outcomes.awaitEvent(MessageAccepted.class,
                    a -> a.idempotencyKey().equals(key));
            assertThat(accepted.wamid()).isEqualTo(wamid);
            assertThat(accepted.form()).isEqualTo(SendForm.FREE_FORM);
            assertThat(accepted.content()).isEqualTo(HELLO);
            assertThat(accepted.commandId()).isEqualTo(command.id());

            kafka.publish(statusOf(command, wamid, DeliveryStatus.DELIVERED));
            kafka.publish(command); // a redelivered command now republishes the acceptance
            MessageAccepted republished = await().atMost(Duration.ofSeconds(30)).until(
                    () -> outcomes.events(MessageAccepted.class).stream().filter(a -> a.idempotencyKey().equals(key))
                            .toList(), list -> list.size() >= 2).get(1);
            assertThat(republished.id()).isEqualTo(accepted.id());
            assertThat(republished.wamid()).isEqualTo(wamid);
        }
        assertThat(sendsWithKey(key)).as("Meta got the message once").hasSize(1);
    }

    @Test
    void anUnknownOutcomeNoStatusSettlesIsAnnouncedUnresolvedOnceAndALateStatusStillSettlesIt() {
        SendMessage command = freeFormToOpenWindow("unresolved-" + UUID.randomUUID());
        String key = command.idempotencyKey();
        MetaGraphApiStub.server().stubFor(sendWithKey(key).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.EMPTY_RESPONSE)));
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            kafka.publish(command);

            MessageOutcomeUnresolved unresolved = outcomes.awaitEvent(MessageOutcomeUnresolved.class,
                    u -> u.idempotencyKey().equals(key));
            MessageRejected unknown = outcomes.awaitEvent(MessageRejected.class, r -> r.idempotencyKey().equals(key));
            assertThat(unresolved.unknownSince()).isAfterOrEqualTo(unknown.occurredAt().minusMillis(1));
            assertThat(unresolved.content()).isEqualTo(HELLO);
            assertThat(unresolved.helpText()).contains("new idempotency key");
            // quiet period: three sweeps (500 ms each) pass without a second announcement
            await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).until(() -> outcomes
                    .events(MessageOutcomeUnresolved.class).stream().filter(u -> u.idempotencyKey().equals(key))
                    .count() == 1);

            kafka.publish(statusOf(command, "wamid.LATE", DeliveryStatus.READ));
            assertThat(outcomes.awaitEvent(MessageAccepted.class, a -> a.idempotencyKey().equals(key)).wamid())
                    .isEqualTo("wamid.LATE");
        }
        assertThat(sendsWithKey(key)).hasSize(1);
    }

    private static MessageStatusChanged statusOf(SendMessage command, String wamid, DeliveryStatus status) {
        return new MessageStatusChanged(UUID.randomUUID().toString(), Instant.now(), command.businessPhoneNumberId(),
                command.recipientWaId(), wamid, status, Instant.now(), command.idempotencyKey(), null, null,
                List.of());
    }

    @Test
    void reEngagementErrorIsNotRetriedAndExplainsWhatToDo() {
        SendMessage command = freeFormToOpenWindow("window-" + UUID.randomUUID());
        MetaGraphApiStub.server().stubFor(sendWithKey(command.idempotencyKey()).willReturn(metaError(400, 131047,
                "Re-engagement message")));

        MessageRejected rejected = (MessageRejected) sendAndAwaitOutcome(command);

        assertThat(rejected.errorCode()).isEqualTo(131047);
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.helpText()).contains("template");
        assertThat(sendsWithKey(command.idempotencyKey())).hasSize(1);
        assertThat(windows.isOpen(command.conversationKey(), Instant.now())).as("Meta closed the window").isFalse();
    }

    @Test
    void invalidTokenRejectsThePausesTheNumberAndLaterCommandsNeverReachMeta() {
        String customer = uniqueCustomer();
        customerWrites(TOKEN_NUMBER, customer);
        SendMessage first = command(TOKEN_NUMBER, customer, HELLO, "token-" + UUID.randomUUID());
        MetaGraphApiStub.server().stubFor(sendWithKey(first.idempotencyKey()).willReturn(metaError(401, 190,
                "Error validating access token: Session has expired")));

        MessageRejected rejected = (MessageRejected) sendAndAwaitOutcome(first);

        assertThat(rejected.errorCode()).isEqualTo(190);
        assertThat(rejected.helpText()).contains("token");
        assertThat(accounts.pauseOf(TOKEN_NUMBER)).isPresent();
        assertThat(meters.counter("sender.account.alerts", "number", TOKEN_NUMBER, "code", "190").count())
                .isEqualTo(1.0);

        SendMessage second = command(TOKEN_NUMBER, customer, HELLO, "token-after-" + UUID.randomUUID());
        MessageRejected held = (MessageRejected) sendAndAwaitOutcome(second);
        assertThat(held.errorCode()).isEqualTo(190);
        assertThat(held.retryable()).isTrue();
        assertThat(sendsWithKey(second.idempotencyKey())).isEmpty();
        accounts.resume(TOKEN_NUMBER);
    }

    @Test
    void outsideTheWindowTheFallbackTemplateIsSentInstead() {
        MessageBodiesContractTest.metaHasTemplates(templates);
        String customer = uniqueCustomer();
        OutboundContent.Template fallback = MessageBodiesContractTest.invoiceReminder();
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), Instant.now(), NUMBER, customer,
                HELLO, fallback, "fallback-" + UUID.randomUUID(), null, null);

        MessageAccepted accepted = (MessageAccepted) sendAndAwaitOutcome(command);

        assertThat(accepted.form()).isEqualTo(SendForm.FALLBACK_TEMPLATE);
        assertThat(accepted.content()).isEqualTo(fallback);
        var sent = sendsWithKey(command.idempotencyKey());
        assertThat(sent).hasSize(1);
        assertThat(EventJson.mapper().readTree(sent.getFirst().getBodyAsString()).path("type").asString())
                .isEqualTo("template");
    }

    @Test
    void outsideTheWindowWithoutFallbackIsRejectedBeforeAnyCallToMeta() {
        SendMessage command = command(NUMBER, uniqueCustomer(), HELLO, "no-fallback-" + UUID.randomUUID());

        MessageRejected rejected = (MessageRejected) sendAndAwaitOutcome(command);

        assertThat(rejected.errorCode()).isEqualTo(131047);
        assertThat(rejected.helpText()).contains("fallbackTemplate");
        assertThat(MetaGraphApiStub.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void theSameCommandDeliveredTwiceReachesMetaOnceAndRepublishesItsOutcome() {
        SendMessage command = freeFormToOpenWindow("twice-" + UUID.randomUUID());
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            kafka.publish(command);
            kafka.publish(command);

            List<MessageAccepted> accepted = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> outcomes.events(MessageAccepted.class).stream()
                            .filter(a -> a.idempotencyKey().equals(command.idempotencyKey())).toList(),
                            list -> list.size() == 2);
            assertThat(accepted.get(1).wamid()).isEqualTo(accepted.get(0).wamid());
            assertThat(accepted.get(1).id()).as("the stored outcome, republished").isEqualTo(accepted.get(0).id());
        }
        assertThat(sendsWithKey(command.idempotencyKey())).hasSize(1);
    }

    @Test
    void templateCommandWithTheWrongParameterCountIsRejectedBeforeCallingMeta() {
        MessageBodiesContractTest.metaHasTemplates(templates);
        OutboundContent.Template missingAmount = new OutboundContent.Template("invoice_reminder", "fr", List.of(
                new OutboundContent.TemplateComponent("header", null, null, List.of(
                        OutboundContent.TemplateParameter.document("https://files.example.com/i.pdf", "i.pdf"))),
                new OutboundContent.TemplateComponent("body", null, null, List.of(
                        OutboundContent.TemplateParameter.text("Awa")))));
        SendMessage command = command(NUMBER, uniqueCustomer(), missingAmount, "params-" + UUID.randomUUID());

        MessageRejected rejected = (MessageRejected) sendAndAwaitOutcome(command);

        assertThat(rejected.errorCode()).isEqualTo(132000);
        assertThat(rejected.reason()).contains("expects 2 body parameter(s), the command gives 1");
        assertThat(sendsWithKey(command.idempotencyKey())).isEmpty();
    }

    @Test
    void templateRejectedByAStatusWebhookIsNoLongerSent() {
        MessageBodiesContractTest.metaHasTemplates(templates);
        try (TopicWatcher published = kafka.watch(Topics.TEMPLATES)) {
            kafka.publish(new AccountNoticeReceived(UUID.randomUUID().toString(), Instant.now(), WABA,
                    "message_template_status_update", "PAUSED", null,
                    new AccountNoticeReceived.TemplateRef("1145489599421499", "order_created", "fr"),
                    "LOW_QUALITY", List.of(), "{}"));
            TemplateSynced paused = published.awaitEvent(TemplateSynced.class,
                    t -> t.name().equals("order_created") && "PAUSED".equals(t.status()));
            assertThat(paused.rejectedReason()).isEqualTo("LOW_QUALITY");
        }
        OutboundContent.Template orderCreated = new OutboundContent.Template("order_created", "fr", List.of(
                new OutboundContent.TemplateComponent("header", null, null, List.of(
                        OutboundContent.TemplateParameter.text("SO042"))),
                new OutboundContent.TemplateComponent("body", null, null, List.of(
                        OutboundContent.TemplateParameter.text("Awa"), OutboundContent.TemplateParameter.text("SO042"),
                        OutboundContent.TemplateParameter.text("150 000 F CFA")))));
        SendMessage command = command(NUMBER, uniqueCustomer(), orderCreated, "paused-tpl-" + UUID.randomUUID());

        MessageRejected rejected = (MessageRejected) sendAndAwaitOutcome(command);

        assertThat(rejected.errorCode()).isEqualTo(132015);
        assertThat(sendsWithKey(command.idempotencyKey())).isEmpty();
    }

    @Test
    void syncPublishesEveryPageOfTemplatesOnTheCompactedTopic() {
        try (TopicWatcher published = kafka.watch(Topics.TEMPLATES)) {
            MessageBodiesContractTest.metaHasTemplates(templates);

            List<TemplateSynced> synced = published.awaitEvents(TemplateSynced.class, 3);
            assertThat(synced).extracting(TemplateSynced::key)
                    .contains("invoice_reminder:fr", "old_promo:fr", "order_created:fr");
            assertThat(synced).filteredOn(t -> t.name().equals("old_promo")).first()
                    .satisfies(t -> assertThat(t.approved()).isFalse());
        }
        MetaGraphApiStub.server().verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/v23.0/" + WABA + "/message_templates")));
    }

    @Test
    void commandBreakingWhatsAppLimitsGoesToTheDeadLetterTopicWithTheReason() {
        String customer = uniqueCustomer();
        String json = """
                {"id": "%s", "occurredAt": "2026-11-24T10:00:00Z", "businessPhoneNumberId": "%s",
                 "recipientWaId": "%s", "idempotencyKey": "poison-%s",
                 "content": {"kind": "reply_buttons", "body": "Choisissez",
                   "buttons": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"},
                               {"id": "c", "title": "C"}, {"id": "d", "title": "D"}]}}
                """.formatted(UUID.randomUUID(), NUMBER, customer, UUID.randomUUID());
        try (TopicWatcher deadLetters = kafka.watch(Topics.deadLetter(Topics.OUTBOUND_COMMANDS))) {
            kafka.publishRaw(Topics.OUTBOUND_COMMANDS, NUMBER, json.getBytes(StandardCharsets.UTF_8), List.of(
                    new RecordHeader(CloudEventHeaders.TYPE, "SendMessage".getBytes(StandardCharsets.UTF_8))));

            var dead = deadLetters.awaitRecord(r -> new String(r.value(), StandardCharsets.UTF_8).contains(customer));
            assertThat(TopicWatcher.header(dead, PlatformKafkaAutoConfiguration.REASON_HEADER)).get()
                    .asString().contains("reply buttons has 4 entries");
        }
        assertThat(MetaGraphApiStub.server().getAllServeEvents()).isEmpty();
    }
}
