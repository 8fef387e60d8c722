package io.wabiz.conversations.history.store;

import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;

/** What every consumed record must carry to be stored; a record without it is refused (a dead letter). */
public final class RecordChecks {

    private RecordChecks() {
    }

    /** Checks any record the history consumes. */
    public static void check(Object record) {
        switch (record) {
            case InboundMessageReceived message -> check(message);
            case MessageStatusChanged status -> check(status);
            case MessageAccepted accepted -> check(accepted);
            case MessageRejected rejected -> check(rejected);
            case MessageOutcomeUnresolved unresolved -> check(unresolved);
            case BusinessMessageEchoed echo -> check(echo);
            case HandOffRequested handOff -> check(handOff);
            case null -> throw new IllegalArgumentException("empty record");
            default -> throw new IllegalArgumentException("unexpected " + record.getClass().getSimpleName());
        }
    }

    public static void check(InboundMessageReceived event) {
        required(event.wamid(), "wamid");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.customerWaId(), "customerWaId");
    }

    public static void check(MessageStatusChanged event) {
        required(event.wamid(), "wamid");
        required(event.status(), "status");
    }

    public static void check(MessageAccepted event) {
        required(event.wamid(), "wamid");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.recipientWaId(), "recipientWaId");
    }

    public static void check(MessageRejected event) {
        required(event.idempotencyKey(), "idempotencyKey");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.recipientWaId(), "recipientWaId");
    }

    public static void check(MessageOutcomeUnresolved event) {
        required(event.idempotencyKey(), "idempotencyKey");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.recipientWaId(), "recipientWaId");
    }

    public static void check(BusinessMessageEchoed event) {
        required(event.wamid(), "wamid");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.customerWaId(), "customerWaId");
    }

    public static void check(HandOffRequested event) {
        required(event.occurredAt(), "occurredAt");
        required(event.businessPhoneNumberId(), "businessPhoneNumberId");
        required(event.customerWaId(), "customerWaId");
    }

    private static void required(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException("record has no " + field);
        }
    }
}
