package io.wabiz.reminders.invoices;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.notification.keys.DocumentVersions;
import io.wabiz.notification.keys.DocumentVersions.Stamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The scheduler's own copy of the ERP's invoices ({@code invoices} collection), kept from {@code erp.invoices}.
 * Every write is one compare-and-set on one document: an event older than the stored one (by when the ERP changed
 * the invoice, then its version) changes nothing, whatever order Kafka delivers them in, and nothing is ever
 * read from another service's database. Paid and cancelled invoices stay, closed, so a late "posted" cannot
 * reopen them.
 */
public class InvoiceProjection {

    public static final String COLLECTION = "invoices";

    private static final int MAX_ATTEMPTS = 10;

    private final MongoCollection<Document> invoices;
    private final Companies companies;

    public InvoiceProjection(MongoCollection<Document> invoices, Companies companies) {
        this.invoices = invoices;
        this.companies = companies;
    }

    /** Applies one record of {@code erp.invoices}; returns whether it changed the projection. */
    public boolean apply(TopicRecord record) {
        return switch (record) {
            case InvoicePosted posted -> upsert(posted.invoice(), null, posted.occurredAt());
            case InvoiceUpdated updated -> upsert(updated.invoice(), null, updated.occurredAt());
            case InvoicePaid paid -> upsert(paid.invoice(), InvoiceStatus.PAID, paid.occurredAt());
            case InvoiceCancelled cancelled -> upsert(cancelled.invoice(), InvoiceStatus.CANCELLED,
                    cancelled.occurredAt());
            default -> throw new IllegalArgumentException("not an invoice event: " + record.getClass().getSimpleName());
        };
    }

    boolean upsert(Invoice invoice, InvoiceStatus forced, Instant occurredAt) {
        if (invoice == null || invoice.invoiceId() == null || invoice.invoiceId().isBlank()) {
            throw new IllegalArgumentException("invoice event without an invoice id");
        }
        if (invoice.dueDate() == null) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceId() + " has no due date");
        }
        InvoiceStatus status = forced != null ? forced : InvoiceStatus.of(invoice.paymentState(),
                invoice.amountResidual());
        Stamp incoming = new Stamp(occurredAt, invoice.version());
        companies.seen(invoice.companyId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document current = invoices.find(eq("_id", invoice.invoiceId()))
                    .projection(Projections.include("updatedAt", "version", "status")).first();
            if (current == null) {
                try {
                    Document created = fields(invoice, status, occurredAt).append("_id", invoice.invoiceId())
                            .append("reminded", List.of());
                    invoices.insertOne(created);
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // another writer created it first: compare with theirs
                }
            }
            Stamp stored = new Stamp(instant(current.getDate("updatedAt")), current.getString("version"));
            boolean newer = DocumentVersions.isNewer(incoming, stored);
            boolean closesAtSameStamp = DocumentVersions.ORDER.compare(incoming, stored) == 0
                    && status != InvoiceStatus.OPEN && InvoiceStatus.OPEN.name().equals(current.getString("status"));
            if (!newer && !closesAtSameStamp) {
                return false; // older or the same fact again
            }
            Bson unchanged = and(eq("_id", invoice.invoiceId()), eq("updatedAt", current.getDate("updatedAt")),
                    eq("version", current.getString("version")));
            List<Bson> sets = new ArrayList<>();
            fields(invoice, status, occurredAt).forEach((name, value) -> sets.add(Updates.set(name, value)));
            if (invoices.updateOne(unchanged, Updates.combine(sets)).getMatchedCount() == 1) {
                return true;
            }
        }
        throw new IllegalStateException("invoice " + invoice.invoiceId() + " kept changing under " + MAX_ATTEMPTS
                + " attempts");
    }

    private Document fields(Invoice invoice, InvoiceStatus status, Instant occurredAt) {
        return new Document("number", invoice.number()).append("partnerId", invoice.partnerId())
                .append("partnerName", invoice.partnerName()).append("companyId", invoice.companyId())
                .append("company", Companies.key(invoice.companyId()))
                .append("dueDate", invoice.dueDate().toString()).append("currency", invoice.currency())
                .append("residual", decimal(invoice.amountResidual())).append("total", decimal(invoice.amountTotal()))
                .append("status", status.name()).append("inDispute", invoice.disputed())
                .append("paymentReference", invoice.paymentReference()).append("version", invoice.version())
                .append("updatedAt", occurredAt == null ? null : Date.from(occurredAt));
    }

    public Optional<OpenInvoice> byId(String invoiceId) {
        return Optional.ofNullable(invoices.find(eq("_id", invoiceId)).first()).map(InvoiceProjection::read);
    }

    public Map<String, OpenInvoice> byIds(Collection<String> invoiceIds) {
        Map<String, OpenInvoice> found = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            invoices.find(in("_id", invoiceIds)).forEach(d -> found.put(d.getString("_id"), read(d)));
        }
        return found;
    }

    /**
     * Streams the open invoices of a company due on or before {@code dueOnOrBefore}, {@code batchSize} at a time,
     * in due-date order.
     */
    public void forEachOpen(String companyKey, LocalDate dueOnOrBefore, int batchSize,
                            Consumer<List<OpenInvoice>> batches) {
        List<OpenInvoice> batch = new ArrayList<>(batchSize);
        for (Document document : invoices.find(and(eq("company", companyKey),
                eq("status", InvoiceStatus.OPEN.name()), lte("dueDate", dueOnOrBefore.toString())))
                .batchSize(Math.max(batchSize, 100))) {
            batch.add(read(document));
            if (batch.size() == batchSize) {
                batches.accept(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }

    /** Copies reminder-log keys onto their invoices (idempotent: a set). */
    public void addReminded(Map<String, List<String>> keysByInvoice) {
        if (keysByInvoice.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        keysByInvoice.forEach((invoiceId, keys) -> writes.add(new UpdateOneModel<>(eq("_id", invoiceId),
                Updates.addEachToSet("reminded", keys))));
        invoices.bulkWrite(writes);
    }

    public long countOpen(String companyKey) {
        return invoices.countDocuments(and(eq("company", companyKey), eq("status", InvoiceStatus.OPEN.name())));
    }

    static OpenInvoice read(Document d) {
        return new OpenInvoice(d.getString("_id"), d.getString("number"), d.getString("partnerId"),
                d.getString("partnerName"), d.getString("companyId"), LocalDate.parse(d.getString("dueDate")),
                d.getString("currency"), amount(d.get("residual")), amount(d.get("total")),
                InvoiceStatus.valueOf(d.getString("status")), Boolean.TRUE.equals(d.getBoolean("inDispute")),
                d.getString("paymentReference"), d.getString("version"), instant(d.getDate("updatedAt")),
                d.getList("reminded", String.class));
    }

    private static Decimal128 decimal(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount);
    }

    private static BigDecimal amount(Object value) {
        return switch (value) {
            case Decimal128 decimal -> decimal.bigDecimalValue();
            case Number number -> new BigDecimal(number.toString());
            case null, default -> null;
        };
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
