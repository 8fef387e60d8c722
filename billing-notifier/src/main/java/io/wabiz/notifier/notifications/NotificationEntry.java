package io.wabiz.notifier.notifications;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.notification.SkipReason;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification of an ERP fact, under its idempotency key: the decision (sent, waiting for the partner,
 * skipped and why), where the message went, and its outcome at the sender and at Meta.
 *
 * @param triggeredBy     the id of the ERP event or request that caused it
 * @param factAt          when the ERP fact happened (the event's {@code occurredAt})
 * @param erpToldAt       when {@code NotificationRecorded} was published for it
 * @param resendOf        for an admin's "send again", the key it sends again
 */
@Document(NotificationEntry.COLLECTION)
public record NotificationEntry(@Id String key, NotificationKind kind, ErpDocumentType documentType, String documentId,
                                String partnerId, String companyId, NotificationState state, int stateRank,
                                SkipReason skipReason, String businessPhoneNumberId, String recipientWaId,
                                String commandId, String wamid,
                                SendForm form, Failure failure,
                                String triggeredBy, Instant factAt, Instant createdAt, Instant updatedAt,
                                Instant acceptedAt, Instant sentAt, Instant deliveredAt, Instant readAt,
                                Instant failedAt, Instant erpToldAt, String resendOf, String requestedBy) {

    public static final String COLLECTION = "notifications";

    /**
     * Why the sender or Meta refused the message.
     *
     * @param help what a person should do about it (Meta's error help)
     */
    public record Failure(int code, String title, String reason, String help, boolean retryable) {
    }
}
