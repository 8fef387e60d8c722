package io.wabiz.notifier.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationOutcomesTest extends ServiceTest {

    /** An order whose "please validate" command is on the topic; returns that command. */
    private SendMessage orderCommand(TopicWatcher commands) {
        String partnerId = newId();
        kafka.publish(partner(partnerId, newMobile(), "fr", OptInState.OPTED_IN, true, "1"));
        String orderId = newId();
        kafka.publish(created(order(orderId, partnerId, SalesOrderState.QUOTATION, "XOF", "15000", "1", "1")));
        return commands.awaitEvent(SendMessage.class, c -> c.correlation().documentId().equals(orderId));
    }

    private static MessageAccepted accepted(SendMessage command, String wamid) {
        return new MessageAccepted(UUID.randomUUID().toString(), Instant.now(), command.id(),
                command.idempotencyKey(), command.businessPhoneNumberId(), command.recipientWaId(), wamid,
                SendForm.FALLBACK_TEMPLATE, command.fallbackTemplate(), command.correlation(), null);
    }

    private JsonNode notification(String key) {
        return get("/api/notifications/" + key, AGENT).body();
    }

    @Test
    void theErpHearsOfTheMessageOnlyOnceMetaAcceptedItWithItsWamid() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS);
             TopicWatcher erp = kafka.watch(Topics.ERP_NOTIFICATIONS)) {
            SendMessage command = orderCommand(commands);
            String documentId = command.correlation().documentId();
            erp.assertNothingFor(Duration.ofMillis(500)); // published is not sent

            String wamid = "wamid.ACCEPTED" + documentId;
            MessageAccepted acceptance = accepted(command, wamid);
            kafka.publish(acceptance);
            NotificationRecorded recorded = erp.awaitEvent(NotificationRecorded.class,
                    r -> r.documentId().equals(documentId));
            assertThat(recorded.kind()).isEqualTo(NotificationKind.ORDER_CREATED);
            assertThat(recorded.documentType()).isEqualTo(ErpDocumentType.SALES_ORDER);
            assertThat(recorded.wamid()).isEqualTo(wamid);
            assertThat(recorded.customerWaId()).isEqualTo(command.recipientWaId());
            assertThat(recorded.businessPhoneNumberId()).isEqualTo(command.businessPhoneNumberId());
            assertThat(recorded.sentAt()).isNotNull();

            kafka.publish(acceptance); // the sender republishes its outcome after a redelivery
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                    erp.events(NotificationRecorded.class).stream().filter(r -> r.documentId().equals(documentId))
                            .count() == 1);
            JsonNode entry = notification(command.idempotencyKey());
            assertThat(entry.get("state").asString()).isEqualTo("ACCEPTED");
            assertThat(entry.get("form").asString()).isEqualTo("FALLBACK_TEMPLATE");
            assertThat(entry.has("erpToldAt")).isTrue();
        }
    }

    @Test
    void aRejectionIsRecordedWithMetasHelpAndNeverToldToTheErp() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS);
             TopicWatcher erp = kafka.watch(Topics.ERP_NOTIFICATIONS)) {
            SendMessage command = orderCommand(commands);
            kafka.publish(new MessageRejected(UUID.randomUUID().toString(), Instant.now(), command.id(),
                    command.idempotencyKey(), command.businessPhoneNumberId(), command.recipientWaId(), 132001,
                    "Template does not exist", "template sales_order_created:fr is not approved", null, false,
                    command.fallbackTemplate(), command.correlation()));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(notification(command.idempotencyKey()).get("state").asString()).isEqualTo("FAILED"));
            JsonNode failure = notification(command.idempotencyKey()).get("failure");
            assertThat(failure.get("code").asInt()).isEqualTo(132001);
            assertThat(failure.get("help").asString()).contains("APPROVED");
            assertThat(failure.get("reason").asString()).contains("not approved");

            kafka.publish(accepted(command, "wamid.LATE")); // a late acceptance cannot make a failed send sent
            erp.assertNothingFor(Duration.ofSeconds(1));
            assertThat(metrics()).contains("notifier_notifications_total{kind=\"order_created\",outcome=\"rejected\"}");
        }
    }

    @Test
    void anUnknownOutcomeWaitsForMetaAndTheErpIsToldOnceAStatusSettlesIt() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS);
             TopicWatcher erp = kafka.watch(Topics.ERP_NOTIFICATIONS)) {
            SendMessage command = orderCommand(commands);
            kafka.publish(new MessageRejected(UUID.randomUUID().toString(), Instant.now(), command.id(),
                    command.idempotencyKey(), command.businessPhoneNumberId(), command.recipientWaId(), 0,
                    "Outcome unknown", "connection reset after the request was written",
                    "Outcome unknown - check the conversation before resending", false, command.content(),
                    command.correlation()));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    notification(command.idempotencyKey()).get("state").asString()).isEqualTo("OUTCOME_UNKNOWN"));
            erp.assertNothingFor(Duration.ofMillis(500));

            kafka.publish(accepted(command, "wamid.SETTLED" + command.correlation().documentId()));
            NotificationRecorded recorded = erp.awaitEvent(NotificationRecorded.class,
                    r -> r.documentId().equals(command.correlation().documentId()));
            assertThat(recorded.wamid()).startsWith("wamid.SETTLED");
            assertThat(notification(command.idempotencyKey()).get("state").asString()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void statusesOnlyMoveForwardAndAFailedDeliveryCarriesTheHelp() {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            SendMessage read = orderCommand(commands);
            kafka.publish(accepted(read, "wamid.R" + read.correlation().documentId()));
            kafka.publish(status(read, DeliveryStatus.READ, List.of()));
            kafka.publish(status(read, DeliveryStatus.DELIVERED, List.of())); // late
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode entry = notification(read.idempotencyKey());
                assertThat(entry.get("state").asString()).isEqualTo("READ");
                assertThat(entry.has("deliveredAt")).isTrue();
            });

            SendMessage undeliverable = orderCommand(commands);
            kafka.publish(accepted(undeliverable, "wamid.F" + undeliverable.correlation().documentId()));
            kafka.publish(status(undeliverable, DeliveryStatus.FAILED, List.of(new MetaError(131026,
                    "Message undeliverable", "Message undeliverable", "not on WhatsApp", null))));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode entry = notification(undeliverable.idempotencyKey());
                assertThat(entry.get("state").asString()).isEqualTo("FAILED");
                assertThat(entry.get("failure").get("help").asString()).contains("could not be delivered");
            });
        }
    }

    private static MessageStatusChanged status(SendMessage command, DeliveryStatus status, List<MetaError> errors) {
        return new MessageStatusChanged(UUID.randomUUID().toString(), Instant.now(), command.businessPhoneNumberId(),
                command.recipientWaId(), "wamid.any", status, Instant.now(), command.idempotencyKey(), null, null,
                errors);
    }
}
