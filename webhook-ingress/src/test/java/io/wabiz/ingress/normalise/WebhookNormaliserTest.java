package io.wabiz.ingress.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.ingress.Fixtures;
import io.wabiz.testsupport.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookNormaliserTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");
    private final WebhookNormaliser normaliser = new WebhookNormaliser();

    private NormalisedWebhook meta(String name) {
        return normaliser.normalise(Fixtures.meta(name), RECEIVED);
    }

    private NormalisedWebhook own(String name) {
        return normaliser.normalise(Fixtures.own(name), RECEIVED);
    }

    private static InboundMessageReceived onlyMessage(NormalisedWebhook webhook) {
        assertThat(webhook.records()).hasSize(1);
        return (InboundMessageReceived) webhook.records().getFirst();
    }

    @Test
    void normalisesATextMessageWithItsCustomerAndBusinessNumber() {
        InboundMessageReceived message = onlyMessage(meta("textMessage"));
        assertThat(message.businessPhoneNumberId()).isEqualTo("409552778964973");
        assertThat(message.displayPhoneNumber()).isEqualTo("43330585569");
        assertThat(message.wabaId()).isEqualTo("880480571844883");
        assertThat(message.customerWaId()).isEqualTo("1111111111111");
        assertThat(message.customerProfileName()).isEqualTo("Mauricio Binda");
        assertThat(message.wamid()).isEqualTo("wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1672947578));
        assertThat(message.occurredAt()).isEqualTo(RECEIVED);
        assertThat(message.type()).isEqualTo("text");
        assertThat(message.content()).isEqualTo(new InboundContent.Text("hi everyone!"));
        assertThat(message.key()).isEqualTo("409552778964973:1111111111111");
    }

    @Test
    void normalisesEveryMediaKind() {
        assertThat(onlyMessage(meta("imageMessage")).content()).isEqualTo(new InboundContent.Media(
                InboundContent.MediaKind.IMAGE, "8472976218001204", "image/jpeg",
                "ciJuSxU7RLnnFz3cNcasdL7UQKt9e1yj/3u+Rhsabv0=", null, null, null, null));
        assertThat(onlyMessage(meta("audioMessage")).content()).isEqualTo(new InboundContent.Media(
                InboundContent.MediaKind.AUDIO, "827776106019109", "audio/ogg; codecs=opus",
                "iWa0+O81ZLcSkZx6n4QAmrWuHpn8HWFX3gB6a3fQtmk=", null, null, true, null));
        assertThat(onlyMessage(meta("videoMessage")).content()).isEqualTo(new InboundContent.Media(
                InboundContent.MediaKind.VIDEO, "661828760183585", "video/mp4",
                "waIq5BBe5GgjT6DHWu3LY9F8jYOZzYLHRRRGDTbipNk=", "hello world", null, null, null));
        assertThat(onlyMessage(meta("stickerMessage")).content()).isEqualTo(new InboundContent.Media(
                InboundContent.MediaKind.STICKER, "1604825680670873", "image/webp",
                "pBKxk2Fu9/n+VKiP4Lve+mWg5b+jPorDpPqtelcS1D0=", null, null, null, false));
        assertThat(onlyMessage(meta("documentMessage")).content()).isEqualTo(new InboundContent.Media(
                InboundContent.MediaKind.DOCUMENT, "848704520347750", "application/pdf",
                "mu/J5jGsroQM3Tbn4c6StBJG4C4glbTi8gT4jhRHSt0=", null, "4_641947.pdf", null, null));
    }

    @Test
    void normalisesLocationContactsReactionAndQuickReply() {
        assertThat(onlyMessage(meta("locationMessage")).content()).isEqualTo(new InboundContent.Location(
                -10.93941311633, -10.606395436721, null, null, "https://foursquare.com/v/5c42c5667d8497002c6e09f9"));
        assertThat(onlyMessage(meta("contactMessage")).content()).isEqualTo(new InboundContent.Contacts(List.of(
                new InboundContent.SharedContact("Person Ok", "Person", "Ok", null,
                        List.of(new InboundContent.ContactPhone("+55 11 11111-1111", "5511111111111", "CELL")),
                        List.of()))));
        assertThat(onlyMessage(meta("reactMessage")).content()).isEqualTo(new InboundContent.Reaction(
                "wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==", "👍"));
        InboundMessageReceived quickReply = onlyMessage(meta("buttonMessage"));
        assertThat(quickReply.content()).isEqualTo(new InboundContent.QuickReply("SIM", "SIM"));
        assertThat(quickReply.context().fromNumber()).isEqualTo("43330585569");
        assertThat(quickReply.context().wamid())
                .isEqualTo("wamid.nBgN6TUyN2k5NzAzM5kzNhUCABI8FDNFQjAxQkE5REI4NEUzQ5Y5QTNgAA==");
    }

    @Test
    void normalisesInteractiveRepliesWithTheMessageTheyAnswer() {
        InboundMessageReceived button = onlyMessage(own("interactiveButtonReply"));
        assertThat(button.content()).isEqualTo(new InboundContent.ButtonReply("order:SO-0042:confirm", "Valider"));
        assertThat(button.context().wamid()).isEqualTo("wamid.BUSINESS-ORDER-MESSAGE-0001");
        assertThat(button.key()).isEqualTo("100000000000001:221770000001");

        InboundMessageReceived list = onlyMessage(own("interactiveListReply"));
        assertThat(list.content()).isEqualTo(
                new InboundContent.ListReply("menu:invoices", "Mes factures", "Factures ouvertes et paiements"));
        assertThat(list.context().wamid()).isEqualTo("wamid.BUSINESS-MENU-MESSAGE-0002");
    }

    @Test
    void keepsMetasUnsupportedMessageWithItsErrorsAndRawJson() {
        InboundContent.Unsupported unsupported = (InboundContent.Unsupported) onlyMessage(meta("messageDeleted")).content();
        assertThat(unsupported.metaType()).isEqualTo("unsupported");
        assertThat(unsupported.errors()).containsExactly(new MetaError(131051, "Message type unknown",
                "Message type unknown", "Message type is currently not supported.", null));
        assertThat(unsupported.rawJson()).contains("\"type\":\"unsupported\"", "131051");
    }

    @Test
    void normalisesStatusesWithConversationPricingAndErrors() {
        MessageStatusChanged sent = (MessageStatusChanged) meta("textMessageStatusSent").records().getFirst();
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.customerWaId()).isEqualTo("1111111111111");
        assertThat(sent.statusAt()).isEqualTo(Instant.ofEpochSecond(1673020317));
        assertThat(sent.conversation()).isEqualTo(new MessageStatusChanged.ConversationWindow(
                "8eb644d2350611f3746e7f0985bddfc1", "business_initiated", Instant.ofEpochSecond(1673031000)));
        assertThat(sent.pricing()).isEqualTo(new MessageStatusChanged.Pricing(true, "business_initiated", "CBP", null));
        assertThat(sent.key()).isEqualTo("409552778964973:1111111111111");

        assertThat(((MessageStatusChanged) meta("textMessageStatusRead").records().getFirst()).status())
                .isEqualTo(DeliveryStatus.READ);

        MessageStatusChanged failed = (MessageStatusChanged) meta("reEngagementMessageError").records().getFirst();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.key()).isEqualTo("109999999999999:5511111111111");
        assertThat(failed.errors()).containsExactly(new MetaError(131047, "Re-engagement message",
                "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
                "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"));
    }

    @Test
    void keepsAccountTemplateAndQualityChangesAsNotices() {
        AccountNoticeReceived rejected = (AccountNoticeReceived) meta("rejectedTemplate").records().getFirst();
        assertThat(rejected.wabaId()).isEqualTo("880480871844883");
        assertThat(rejected.field()).isEqualTo("message_template_status_update");
        assertThat(rejected.event()).isEqualTo("REJECTED");
        assertThat(rejected.reason()).isEqualTo("SCAM");
        assertThat(rejected.template()).isEqualTo(
                new AccountNoticeReceived.TemplateRef("905507062668800", "schedule_confirmation4", "pt_BR"));

        AccountNoticeReceived quality = (AccountNoticeReceived) meta("qualityUpdate").records().getFirst();
        assertThat(quality.field()).isEqualTo("phone_number_quality_update");
        assertThat(quality.event()).isEqualTo("FLAGGED");
        assertThat(quality.rawValue()).contains("TIER_10K");

        AccountNoticeReceived review = (AccountNoticeReceived) meta("accountReview").records().getFirst();
        assertThat(review.event()).isEqualTo("APPROVED");
        assertThat(meta("accountReview").phoneNumberIds()).isEmpty();
    }

    @Test
    void keepsValueErrorsAsANoticeOfTheirNumber() {
        NormalisedWebhook webhook = own("valueErrors");
        AccountNoticeReceived notice = (AccountNoticeReceived) webhook.records().getFirst();
        assertThat(webhook.records()).hasSize(1);
        assertThat(notice.field()).isEqualTo("messages");
        assertThat(notice.businessPhoneNumberId()).isEqualTo("100000000000001");
        assertThat(notice.errors()).extracting(MetaError::code).containsExactly(131000);
        assertThat(notice.errors().getFirst().details()).isEqualTo("Message failed to send due to an unknown error.");
        assertThat(webhook.phoneNumberIds()).containsExactly("100000000000001");
    }

    @Test
    void keepsUnknownTypesFieldsAndStatusesInsteadOfFailing() {
        List<TopicRecord> records = own("unknownFutureFieldsAndTypes").records();
        assertThat(records).hasSize(5);
        InboundMessageReceived hologram = (InboundMessageReceived) records.get(0);
        assertThat(hologram.content()).isInstanceOfSatisfying(InboundContent.Unsupported.class, u -> {
            assertThat(u.metaType()).isEqualTo("hologram");
            assertThat(u.rawJson()).contains("\"frames\":42", "future_message_field");
        });
        assertThat(hologram.customerUserId()).isEqualTo("SN.1234567890");
        assertThat(((InboundMessageReceived) records.get(1)).content())
                .isInstanceOfSatisfying(InboundContent.Unsupported.class,
                        u -> assertThat(u.metaType()).isEqualTo("interactive.hologram_reply"));
        assertThat(((InboundMessageReceived) records.get(2)).content())
                .isEqualTo(new InboundContent.Text("still readable"));
        AccountNoticeReceived unknownStatus = (AccountNoticeReceived) records.get(3);
        assertThat(unknownStatus.field()).isEqualTo("messages");
        assertThat(unknownStatus.event()).isEqualTo("teleported");
        assertThat(unknownStatus.rawValue()).contains("wamid.BUSINESS-SENT-F");
        AccountNoticeReceived unknownField = (AccountNoticeReceived) records.get(4);
        assertThat(unknownField.field()).isEqualTo("business_capability_teleport_update");
        assertThat(unknownField.event()).isEqualTo("SOMETHING_NEW");
        assertThat(unknownField.rawValue()).contains("\"deeper\":[true,null,\"x\"]");
    }

    @Test
    void namesTheMessageTypesItDoesNotModelSoThatTheyAreCountedNotHidden() {
        assertThat(own("unknownFutureFieldsAndTypes").unmodelledTypes()).containsExactly("hologram",
                "interactive.hologram_reply");
        assertThat(meta("messageDeleted").unmodelledTypes()).as("Meta's own unsupported message is modelled").isEmpty();
        assertThat(meta("textMessage").unmodelledTypes()).isEmpty();
    }

    private NormalisedWebhook pywa(String name) {
        return normaliser.normalise(Fixtures.pywa(name), RECEIVED);
    }

    @Test
    void aCustomerKnownOnlyByTheirBusinessScopedUserIdIsKeyedByIt() {
        InboundMessageReceived message = onlyMessage(pywa("bsuidTextMessage"));
        assertThat(message.customerWaId()).isEqualTo("US.13491208655302741918");
        assertThat(message.key()).isEqualTo("106540352242922:US.13491208655302741918");
        assertThat(message.customerProfileName()).isEqualTo("Sheena Nelson");
        assertThat(message.content()).isEqualTo(new InboundContent.Text("Does it come in another color?"));

        MessageStatusChanged status = (MessageStatusChanged) pywa("bsuidStatusDelivered").records().getFirst();
        assertThat(status.customerWaId()).isEqualTo("US.13491208655302741918");
        assertThat(status.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void readsACartAsAnOrderWithItsItemsQuantitiesAndPrices() {
        InboundContent.Order order = (InboundContent.Order) onlyMessage(pywa("orderMessage")).content();
        assertThat(order.catalogId()).isEqualTo("354160437058781");
        assertThat(order.text()).isNull();
        assertThat(order.items()).containsExactly(
                new InboundContent.OrderItem("HAMBURGER", 3, new java.math.BigDecimal("30"), "ILS"),
                new InboundContent.OrderItem("FRENCH_FRIES", 2, new java.math.BigDecimal("35"), "ILS"),
                new InboundContent.OrderItem("SODA", 2, new java.math.BigDecimal("10"), "ILS"));
    }

    @Test
    void readsAFlowsAnswerSystemNotesEditsAndDeletions() {
        InboundMessageReceived flow = onlyMessage(pywa("flowCompletion"));
        assertThat(flow.content()).isInstanceOfSatisfying(InboundContent.FlowReply.class, reply -> {
            assertThat(reply.name()).isEqualTo("flow");
            assertThat(reply.body()).isEqualTo("Sent");
            assertThat(reply.responseJson()).contains("\"flow_token\":\"AQAAAAACS5FpgQ_cAAAAAD0QI3s.\"");
        });
        assertThat(onlyMessage(pywa("systemUserChangedNumber")).content()).isEqualTo(new InboundContent.SystemEvent(
                "user_changed_number", "User A changed from 972987654321 to 972912345678", "972912345678"));
        assertThat(onlyMessage(pywa("systemIdentityChanged")).content()).isEqualTo(new InboundContent.SystemEvent(
                "customer_identity_changed", "User identity changed", null));
        assertThat(onlyMessage(pywa("editedMessage")).content()).isEqualTo(new InboundContent.Edit(
                "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", new InboundContent.Media(
                InboundContent.MediaKind.IMAGE, "1234567890", "image/jpeg", "a1b2c3d4e5f6...", "Updated image caption",
                null, null, null)));
        assertThat(onlyMessage(pywa("revokedMessage")).content())
                .isEqualTo(new InboundContent.Revoke("<ORIGINAL_WHATSAPP_MESSAGE_ID>"));
        for (String name : List.of("flowCompletion", "systemUserChangedNumber", "editedMessage", "revokedMessage",
                "orderMessage")) {
            assertThat(pywa(name).unmodelledTypes()).as(name).isEmpty();
        }
    }

    @Test
    void messagesTheBusinessSentFromTheAppAreEchoesOnTheirOwnTopic() {
        NormalisedWebhook text = pywa("smbEchoText");
        assertThat(text.records()).hasSize(1);
        BusinessMessageEchoed echo = (BusinessMessageEchoed) text.records().getFirst();
        assertThat(echo.businessPhoneNumberId()).isEqualTo("1122334455667");
        assertThat(echo.customerWaId()).isEqualTo("<WHATSAPP_USER_PHONE_NUMBER>");
        assertThat(echo.customerUserId()).isEqualTo("<BSUID>");
        assertThat(echo.content()).isEqualTo(new InboundContent.Text("Test message"));
        assertThat(KafkaTestClient.topicOf(echo)).isEqualTo(Topics.INBOUND_ECHOES);
        assertThat(text.phoneNumberIds()).containsExactly("1122334455667");

        BusinessMessageEchoed edit = (BusinessMessageEchoed) pywa("smbEchoEdit").records().getFirst();
        assertThat(edit.customerWaId()).as("the side that is not the business's number").isEqualTo("972987654321");
        assertThat(edit.content()).isEqualTo(new InboundContent.Edit("wamid.zzzzzz",
                new InboundContent.Text("Text was edited")));
        assertThat(((BusinessMessageEchoed) pywa("smbEchoRevoke").records().getFirst()).content())
                .isEqualTo(new InboundContent.Revoke("wamid.zzzzzz"));
    }

    /** A content type added to the contract fails here until the normaliser reads it from some webhook. */
    @Test
    void everyContentTypeOfTheContractIsReadFromSomeWebhook() {
        Set<Class<?>> read = new HashSet<>();
        for (byte[] body : Fixtures.all()) {
            normaliser.normalise(body, RECEIVED).records().stream()
                    .forEach(record -> {
                        if (record instanceof InboundMessageReceived message) {
                            read.add(message.content().getClass());
                        } else if (record instanceof BusinessMessageEchoed echo) {
                            read.add(echo.content().getClass());
                        }
                    });
        }
        assertThat(read).containsExactlyInAnyOrder(InboundContent.class.getPermittedSubclasses());
    }

    @Test
    void normalisesEveryEntryAndChangeInBodyOrder() {
        NormalisedWebhook webhook = own("severalEntriesAndChanges");
        assertThat(webhook.records()).extracting(WebhookNormaliserTest::describe).containsExactly(
                "message 100000000000001:221770000001 wamid.MULTI-A-1",
                "message 100000000000001:221770000002 wamid.MULTI-B-1",
                "message 100000000000001:221770000001 wamid.MULTI-A-2",
                "message 100000000000001:221770000001 wamid.MULTI-A-3",
                "status 100000000000001:221770000001 SENT",
                "status 100000000000001:221770000001 DELIVERED",
                "status 100000000000001:221770000002 READ",
                "status 100000000000001:221770000001 READ",
                "notice 200000000000001 message_template_status_update",
                "message 100000000000002:221770000003 wamid.MULTI-C-1",
                "status 100000000000002:221770000003 FAILED");
        assertThat(webhook.phoneNumberIds()).containsExactly("100000000000001", "100000000000002");
        assertThat(((InboundMessageReceived) webhook.records().get(1)).customerProfileName()).isEqualTo("Moussa Ba");
        assertThat(((MessageStatusChanged) webhook.records().get(4)).bizOpaqueCallbackData()).isEqualTo("idem-A");
    }

    @Test
    void derivesTheSameIdsFromTheSameBody() {
        List<String> first = own("severalEntriesAndChanges").records().stream().map(TopicRecord::id).toList();
        List<String> again = normaliser.normalise(Fixtures.own("severalEntriesAndChanges"), RECEIVED.plusSeconds(60))
                .records().stream().map(TopicRecord::id).toList();
        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void readsEverySharedSampleWithoutRefusingAny() {
        for (String name : Fixtures.META_SAMPLES) {
            assertThat(meta(name).records()).as(name).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "[1,2]", "\"text\"", "{\"object\":\"page\",\"entry\":[]}", "{\"object\":\"whatsapp_business_account\"}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[1]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":{}}]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":[]}]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{}}}]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"9\"},\"messages\":[{\"id\":\"w\"}]}}]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"9\"},\"messages\":[{\"id\":\"w\",\"from\":\"2\",\"timestamp\":\"yesterday\"}]}}]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"9\"},\"statuses\":[{\"id\":\"w\",\"status\":\"read\"}]}}]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":{\"nested\":1},\"changes\":[]}]}"})
    void refusesBodiesThatAreNotAWebhookItCanKey(String body) {
        assertThatThrownBy(() -> normaliser.normalise(body.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .isInstanceOf(MalformedWebhookException.class).hasMessageNotContaining("Exception");
    }

    private static String describe(TopicRecord record) {
        return switch (record) {
            case InboundMessageReceived m -> "message " + m.key() + " " + m.wamid();
            case MessageStatusChanged s -> "status " + s.key() + " " + s.status();
            case AccountNoticeReceived n -> "notice " + n.key() + " " + n.field();
            default -> record.toString();
        };
    }
}
