package io.wabiz.notifier.invoices;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationEntry;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.partners.PartnerArrivals;
import java.util.Optional;

/** Invoice notifications that waited for their partner, planned again when it arrives. */
public class InvoicePartnerArrivals implements PartnerArrivals {

    private final InvoiceProjection invoices;
    private final InvoiceNotifications notifications;

    public InvoicePartnerArrivals(InvoiceProjection invoices, InvoiceNotifications notifications) {
        this.invoices = invoices;
        this.notifications = notifications;
    }

    @Override
    public boolean handles(NotificationEntry waiting) {
        return waiting.documentType() == ErpDocumentType.INVOICE;
    }

    @Override
    public Optional<NotificationPlan> replan(NotificationEntry waiting, PartnerContact partner) {
        Optional<InvoiceDocument> found = invoices.find(waiting.documentId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InvoiceDocument doc = found.get();
        IdempotencyKey key = IdempotencyKey.parse(waiting.key());
        return switch (waiting.kind()) {
            case INVOICE -> Optional.of(key.equals(InvoiceNotifications.cancelledKey(doc))
                    ? notifications.cancelled(doc, partner, waiting.triggeredBy(), waiting.factAt(), null)
                    : notifications.posted(doc, partner, waiting.triggeredBy(), null));
            case RESIDUAL -> notifications.residualChanged(doc, doc.previousResidual(), partner, waiting.triggeredBy(),
                    waiting.factAt(), null).filter(plan -> plan.key().equals(key));
            case INVOICE_DETAILS -> Optional.of(notifications.details(doc, doc.id(), partner, waiting.triggeredBy(),
                    waiting.factAt(), null, key, null, null, null));
            default -> Optional.empty();
        };
    }
}
