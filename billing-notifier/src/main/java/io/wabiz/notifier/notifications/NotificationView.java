package io.wabiz.notifier.notifications;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.SendForm;
import java.time.Instant;

/**
 * A notification as the read API shows it: its state (waiting for the partner, skipped with the reason, pending,
 * accepted, sent, delivered, read, failed with Meta's help), where it went, and when the ERP was told.
 */
public record NotificationView(String key, NotificationKind kind, ErpDocumentType documentType, String documentId,
                               String partnerId, String companyId, NotificationState state, Skip skipped,
                               String businessPhoneNumberId, String recipientWaId, String wamid, SendForm form,
                               NotificationEntry.Failure failure, Instant createdAt, Instant acceptedAt,
                               Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt,
                               Instant erpToldAt, String resendOf, String requestedBy) {

    /** @param reason the code ({@code opted_out}); {@code explanation} says it in words */
    public record Skip(String reason, String explanation) {
    }

    public static NotificationView of(NotificationEntry e) {
        return new NotificationView(e.key(), e.kind(), e.documentType(), e.documentId(), e.partnerId(), e.companyId(),
                e.state(), e.skipReason() == null ? null : new Skip(e.skipReason().code(),
                e.skipReason().explanation()), e.businessPhoneNumberId(), e.recipientWaId(), e.wamid(), e.form(),
                e.failure(), e.createdAt(), e.acceptedAt(), e.sentAt(), e.deliveredAt(), e.readAt(), e.failedAt(),
                e.erpToldAt(), e.resendOf(), e.requestedBy());
    }
}
