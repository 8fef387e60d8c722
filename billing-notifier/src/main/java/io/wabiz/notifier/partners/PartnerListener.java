package io.wabiz.notifier.partners;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationEntry;
import io.wabiz.notifier.notifications.NotificationLog;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.platform.kafka.NonRetryableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the partner projection in step with the ERP, and carries out the notifications that waited for a partner
 * the ERP had not published yet.
 */
public class PartnerListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerListener.class);

    private final PartnerProjection partners;
    private final NotificationLog notifications;
    private final NotificationDispatcher dispatcher;
    private final List<PartnerArrivals> flows;

    public PartnerListener(PartnerProjection partners, NotificationLog notifications, NotificationDispatcher dispatcher,
                           List<PartnerArrivals> flows) {
        this.partners = partners;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.flows = List.copyOf(flows);
    }

    @KafkaListener(id = "notifier-partners", idIsGroup = false, topics = Topics.ERP_PARTNERS,
            concurrency = "${notifier.listener-concurrency:3}")
    public void onPartner(ConsumerRecord<String, TopicRecord> record) {
        if (!(record.value() instanceof PartnerUpserted partner)) {
            throw new NonRetryableException("expected PartnerUpserted on " + record.topic() + ", got "
                    + (record.value() == null ? "an empty record" : record.value().getClass().getSimpleName()));
        }
        Optional<PartnerContact> changed = partners.upsert(partner);
        if (changed.isEmpty()) {
            log.debug("Partner {} unchanged (older event)", partner.partnerId());
            return;
        }
        List<NotificationPlan> plans = new ArrayList<>();
        for (NotificationEntry waiting : notifications.waitingFor(partner.partnerId())) {
            flows.stream().filter(flow -> flow.handles(waiting)).findFirst()
                    .flatMap(flow -> flow.replan(waiting, changed.get())).ifPresent(plans::add);
        }
        if (!plans.isEmpty()) {
            log.info("Partner {} arrived: {} waiting notification(s) decided", partner.partnerId(), plans.size());
            dispatcher.executeAll(plans);
        }
    }
}
