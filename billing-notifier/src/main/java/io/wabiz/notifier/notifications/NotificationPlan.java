package io.wabiz.notifier.notifications;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notification.SkipReason;
import io.wabiz.notification.keys.IdempotencyKey;
import java.time.Instant;
import java.util.Objects;

/**
 * What a flow decided for one ERP fact, before anything is written or published: send this command, skip for this
 * reason, or wait for the partner. The {@link NotificationDispatcher} carries it out exactly once per key.
 */
public sealed interface NotificationPlan {

    Context context();

    default IdempotencyKey key() {
        return context().key();
    }

    /**
     * @param triggeredBy    the id of the ERP event or request that caused the plan
     * @param factAt         when the ERP fact happened
     * @param receivedAt     when the triggering record reached Kafka (its timestamp): the event-to-command latency
     *                       is measured from it
     * @param resendOf       the key an admin's "send again" repeats, else null
     * @param requestedBy    the staff user who asked, else null
     */
    record Context(IdempotencyKey key, String partnerId, String companyId, String triggeredBy, Instant factAt,
                   Instant receivedAt, String resendOf, String requestedBy) {
        public Context {
            Objects.requireNonNull(key, "key");
        }

        public Context(IdempotencyKey key, String partnerId, String companyId, String triggeredBy, Instant factAt,
                       Instant receivedAt) {
            this(key, partnerId, companyId, triggeredBy, factAt, receivedAt, null, null);
        }

        public NotificationKind kind() {
            return key.kind();
        }

        public ErpDocumentType documentType() {
            return key.documentType();
        }

        public String documentId() {
            return key.documentId();
        }
    }

    record Send(Context context, SendMessage command) implements NotificationPlan {
        public Send {
            Objects.requireNonNull(command, "command");
            if (!context.key().toString().equals(command.idempotencyKey())) {
                throw new IllegalArgumentException("the command's idempotency key must be the notification's key");
            }
        }
    }

    record Skip(Context context, SkipReason reason) implements NotificationPlan {
        public Skip {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The partner is not known yet: the notification is planned again when the partner arrives. */
    record WaitForPartner(Context context) implements NotificationPlan {
    }
}
