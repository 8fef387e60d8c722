package io.wabiz.scenarioengine.orders;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.scenarioengine.RecordBatches;
import io.wabiz.scenarioengine.partners.PartnerDirectory;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the engine's projections from the ERP topics: orders, invoices (with their residuals), partners. */
public class ErpListeners {

    private final DocumentProjection documents;
    private final PartnerDirectory partners;

    public ErpListeners(DocumentProjection documents, PartnerDirectory partners) {
        this.documents = documents;
        this.partners = partners;
    }

    @KafkaListener(id = "scenario-orders", idIsGroup = false, topics = Topics.ERP_SALES_ORDERS, batch = "true")
    public void onOrders(List<ConsumerRecord<String, TopicRecord>> records) {
        RecordBatches.Prefix<DocumentProjection.OrderEvent> events = RecordBatches.usable(records, record ->
                switch (record.value()) {
                    case SalesOrderCreated e -> event(e.order(), e.occurredAt());
                    case SalesOrderUpdated e -> event(e.order(), e.occurredAt());
                    case SalesOrderStateChanged e -> event(e.order(), e.occurredAt());
                    default -> throw new IllegalArgumentException("unexpected "
                            + record.value().getClass().getSimpleName() + " on " + record.topic());
                });
        documents.applyOrders(events.values());
        events.failIfStopped();
    }

    private static DocumentProjection.OrderEvent event(io.wabiz.events.erp.SalesOrder order, java.time.Instant at) {
        if (order == null || order.orderId() == null || at == null) {
            throw new IllegalArgumentException("order event without its order, id or time");
        }
        return new DocumentProjection.OrderEvent(order, at);
    }

    @KafkaListener(id = "scenario-invoices", idIsGroup = false, topics = Topics.ERP_INVOICES, batch = "true")
    public void onInvoices(List<ConsumerRecord<String, TopicRecord>> records) {
        RecordBatches.Prefix<DocumentProjection.InvoiceEvent> events = RecordBatches.usable(records, record ->
                switch (record.value()) {
                    case InvoicePosted e -> invoice(e.invoice(), false, e.occurredAt());
                    case InvoiceUpdated e -> invoice(e.invoice(), false, e.occurredAt());
                    case InvoicePaid e -> invoice(e.invoice(), false, e.occurredAt());
                    case InvoiceCancelled e -> invoice(e.invoice(), true, e.occurredAt());
                    default -> throw new IllegalArgumentException("unexpected "
                            + record.value().getClass().getSimpleName() + " on " + record.topic());
                });
        documents.applyInvoices(events.values());
        events.failIfStopped();
    }

    private static DocumentProjection.InvoiceEvent invoice(io.wabiz.events.erp.Invoice invoice, boolean cancelled,
                                                           java.time.Instant at) {
        if (invoice == null || invoice.invoiceId() == null || at == null) {
            throw new IllegalArgumentException("invoice event without its invoice, id or time");
        }
        return new DocumentProjection.InvoiceEvent(invoice, cancelled, at);
    }

    @KafkaListener(id = "scenario-partners", idIsGroup = false, topics = Topics.ERP_PARTNERS, batch = "true")
    public void onPartners(List<ConsumerRecord<String, TopicRecord>> records) {
        RecordBatches.Prefix<PartnerUpserted> events = RecordBatches.usable(records, record -> {
            if (!(record.value() instanceof PartnerUpserted partner) || partner.partnerId() == null
                    || partner.occurredAt() == null) {
                throw new IllegalArgumentException("expected a PartnerUpserted with its id and time on "
                        + record.topic());
            }
            return partner;
        });
        partners.apply(events.values());
        events.failIfStopped();
    }
}
