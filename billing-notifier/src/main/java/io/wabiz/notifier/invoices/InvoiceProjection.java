package io.wabiz.notifier.invoices;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.notification.keys.DocumentVersions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The invoices the ERP published, newest version first-come: an older event never overwrites a newer one, and a
 * cancellation stays. Writes are whole-document replacements by id; one Kafka partition (keyed by invoice id)
 * feeds each invoice, so its events are applied one at a time.
 */
public class InvoiceProjection {

    private final MongoTemplate mongo;

    public InvoiceProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<InvoiceDocument> find(String invoiceId) {
        return Optional.ofNullable(mongo.findById(invoiceId, InvoiceDocument.class));
    }

    public Map<String, InvoiceDocument> findAll(Collection<String> invoiceIds) {
        return mongo.find(query(where("_id").in(invoiceIds)), InvoiceDocument.class).stream()
                .collect(Collectors.toMap(InvoiceDocument::id, Function.identity()));
    }

    /** Writes a poll's changed invoices in one round trip: whole documents, replaced by id. */
    public void saveAll(Collection<InvoiceDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, InvoiceDocument.class);
        documents.forEach(doc -> bulk.replaceOne(query(where("_id").is(doc.id())), doc,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    /** The projection after {@code event}: a plain function of what was stored (null: nothing yet). */
    public static InvoiceDocument apply(InvoiceDocument stored, TopicRecord event) {
        Invoice invoice = invoiceOf(event);
        Instant at = event.occurredAt();
        boolean newer = stored == null || DocumentVersions.isNewer(new DocumentVersions.Stamp(at, invoice.version()),
                new DocumentVersions.Stamp(stored.invoiceAt(), stored.invoice().version()));
        Invoice kept = newer ? invoice : stored.invoice();
        Instant keptAt = newer ? at : stored.invoiceAt();
        boolean cancelled = (stored != null && stored.cancelled()) || event instanceof InvoiceCancelled;
        String postedVersion = stored == null ? null : stored.postedVersion();
        Instant postedAt = stored == null ? null : stored.postedAt();
        if (event instanceof InvoicePosted && postedVersion == null) {
            postedVersion = invoice.version() == null || invoice.version().isBlank() ? "0" : invoice.version();
            postedAt = at;
        }
        BigDecimal previousResidual = stored == null ? null : stored.previousResidual();
        if (newer && stored != null) {
            previousResidual = stored.residual();
        }
        if (newer && event instanceof InvoiceUpdated updated && updated.previousResidual() != null) {
            previousResidual = updated.previousResidual();
        }
        return new InvoiceDocument(invoice.invoiceId(), kept, keptAt, cancelled, postedVersion, postedAt,
                previousResidual);
    }

    public static Invoice invoiceOf(TopicRecord event) {
        Invoice invoice = switch (event) {
            case InvoicePosted posted -> posted.invoice();
            case InvoiceUpdated updated -> updated.invoice();
            case InvoicePaid paid -> paid.invoice();
            case InvoiceCancelled cancelled -> cancelled.invoice();
            default -> throw new IllegalArgumentException("not an invoice event: " + event.getClass().getSimpleName());
        };
        if (invoice == null || invoice.invoiceId() == null || invoice.invoiceId().isBlank()) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " " + event.id() + " has no invoice id");
        }
        if (invoice.amountTotal() == null || invoice.currency() == null) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceId() + " has no total or currency");
        }
        return invoice;
    }
}
