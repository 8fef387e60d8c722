package io.wabiz.notifier.partners;

import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationEntry;
import io.wabiz.notifier.notifications.NotificationPlan;
import java.util.Optional;

/**
 * A flow's answer to "the partner this notification waited for has arrived": the plan for it now (send, or skip
 * because the document moved on or the wait was too long). Each flow (orders, invoices) gives one for its kinds.
 */
public interface PartnerArrivals {

    /** Whether this flow planned the waiting entry (by its kind and document type). */
    boolean handles(NotificationEntry waiting);

    /** The plan for {@code waiting} now that {@code partner} is known; empty to keep waiting. */
    Optional<NotificationPlan> replan(NotificationEntry waiting, PartnerContact partner);
}
