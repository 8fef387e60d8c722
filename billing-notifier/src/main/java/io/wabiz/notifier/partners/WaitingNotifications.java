package io.wabiz.notifier.partners;

import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationEntry;
import io.wabiz.notifier.notifications.NotificationLog;
import io.wabiz.notifier.notifications.NotificationPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the notifications that wait for a partner, once the projection knows the partner. Called when a partner
 * arrives, and by a flow right after it made a notification wait: the partner may have arrived between the flow's
 * read and its write (two consumers, two topics), and nobody else would look again.
 */
public class WaitingNotifications {

    private static final Logger log = LoggerFactory.getLogger(WaitingNotifications.class);

    private final PartnerProjection partners;
    private final NotificationLog notifications;
    private final NotificationDispatcher dispatcher;
    private final List<PartnerArrivals> flows;

    public WaitingNotifications(PartnerProjection partners, NotificationLog notifications,
                                NotificationDispatcher dispatcher, List<PartnerArrivals> flows) {
        this.partners = partners;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.flows = List.copyOf(flows);
    }

    /** The waiting notifications of those partners the projection knows, decided now. */
    public void decideFor(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return;
        }
        decide(partners.findAll(partnerIds).values());
    }

    /** The waiting notifications of a partner that has just been projected (as {@code partner}), decided now. */
    public void decideForArrived(PartnerContact partner) {
        decide(List.of(partner));
    }

    private void decide(Collection<PartnerContact> known) {
        List<NotificationPlan> plans = new ArrayList<>();
        for (PartnerContact partner : known) {
            for (NotificationEntry waiting : notifications.waitingFor(partner.partnerId())) {
                flows.stream().filter(flow -> flow.handles(waiting)).findFirst()
                        .flatMap(flow -> flow.replan(waiting, partner)).ifPresent(plans::add);
            }
        }
        if (!plans.isEmpty()) {
            log.info("{} waiting notification(s) decided now that their partner is known", plans.size());
            dispatcher.executeAll(plans);
        }
    }
}
