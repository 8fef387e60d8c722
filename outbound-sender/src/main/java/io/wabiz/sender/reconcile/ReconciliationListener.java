package io.wabiz.sender.reconcile;

import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.sender.send.OutcomeReconciler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Feeds the {@link OutcomeReconciler}: every status webhook, and a periodic look for unresolved outcomes. */
@Component
class ReconciliationListener {

    private final OutcomeReconciler reconciler;

    ReconciliationListener(OutcomeReconciler reconciler) {
        this.reconciler = reconciler;
    }

    /** Most statuses cost one read; one that settles a send waits for its acceptance to be on the topic. */
    @KafkaListener(topics = Topics.INBOUND_STATUSES, concurrency = "${sender.reconciliation.listener-concurrency:3}")
    void onStatus(MessageStatusChanged status) {
        reconciler.statusArrived(status);
    }

    @Scheduled(fixedDelayString = "${sender.reconciliation.sweep-interval:1m}",
            initialDelayString = "${sender.reconciliation.sweep-interval:1m}")
    void announceUnresolved() {
        reconciler.announceUnresolved();
    }
}
