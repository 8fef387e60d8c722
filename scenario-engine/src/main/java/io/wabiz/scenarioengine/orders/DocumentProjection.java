package io.wabiz.scenarioengine.orders;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The engine's own projection of orders and invoices (MongoDB collections {@code orders} and {@code invoices}),
 * fed by the ERP topics, read by taps. Every write is a single-document one: a projection update replaces one
 * document (the listener of a document's partition is its only writer); a tap's claim on an order is one insert
 * under the order's id into {@code order_claims}, so that of two taps racing on one order only the first acts.
 * Every lookup is by {@code _id} (the embedded server of tests and the local stack indexes nothing else).
 * Over 350 lines because the claims read and map the same order documents as the projection's writes.
 */
public class DocumentProjection {

    /** How many recent versions an order remembers, to accept taps on versions that changed nothing visible. */
    static final int SEEN_VERSIONS = 10;

    private final MongoCollection<Document> orders;
    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> invoices;

    public DocumentProjection(MongoDatabase database) {
        this.orders = database.getCollection("orders");
        this.claims = database.getCollection("order_claims");
        this.invoices = database.getCollection("invoices");
        orders.createIndex(Indexes.ascending("partnerId"));
        invoices.createIndex(Indexes.ascending("partnerId"));
    }

    // ---- writes from the ERP topics ----

    /** Applies order events of one poll in order; an event older than what is stored changes nothing. */
    public int applyOrders(List<OrderEvent> events) {
        Map<String, Document> current = byId(orders, events.stream().map(e -> e.order().orderId()).toList());
        Map<String, Document> next = new LinkedHashMap<>();
        for (OrderEvent event : events) {
            SalesOrder order = event.order();
            Document stored = next.containsKey(order.orderId()) ? next.get(order.orderId()) : current.get(order.orderId());
            if (stored != null && stored.getDate("eventAt") != null
                    && stored.getDate("eventAt").toInstant().isAfter(event.at())) {
                continue;
            }
            next.put(order.orderId(), orderDocument(order, event.at(), stored));
        }
        List<String> dropClaims = new ArrayList<>();
        next.forEach((id, document) -> {
            if (Boolean.TRUE.equals(document.remove(DROP_CLAIM))) {
                dropClaims.add(id);
            }
        });
        replaceAll(orders, next);
        if (!dropClaims.isEmpty()) {
            claims.deleteMany(Filters.in("_id", dropClaims));
        }
        return next.size();
    }

    public int applyInvoices(List<InvoiceEvent> events) {
        Map<String, Document> current = byId(invoices, events.stream().map(e -> e.invoice().invoiceId()).toList());
        Map<String, Document> next = new LinkedHashMap<>();
        for (InvoiceEvent event : events) {
            Invoice invoice = event.invoice();
            Document stored = next.containsKey(invoice.invoiceId()) ? next.get(invoice.invoiceId())
                    : current.get(invoice.invoiceId());
            if (stored != null && stored.getDate("eventAt") != null
                    && stored.getDate("eventAt").toInstant().isAfter(event.at())) {
                continue;
            }
            next.put(invoice.invoiceId(), invoiceDocument(invoice, event.cancelled(), event.at()));
        }
        replaceAll(invoices, next);
        return next.size();
    }

    public record OrderEvent(SalesOrder order, Instant at) {
    }

    /** @param cancelled the event was an {@code InvoiceCancelled} */
    public record InvoiceEvent(Invoice invoice, boolean cancelled, Instant at) {
    }

    /** The listener of a document's partition is its only writer: each document is replaced whole. */
    private static void replaceAll(MongoCollection<Document> collection, Map<String, Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        documents.forEach((id, document) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, upsert)));
        collection.bulkWrite(writes);
    }

    private static final String DROP_CLAIM = "__dropClaim";

    private static Document orderDocument(SalesOrder order, Instant at, Document stored) {
        String fingerprint = fingerprint(order);
        List<Document> seen = new ArrayList<>();
        if (stored != null && stored.getList("seen", Document.class) != null) {
            seen.addAll(stored.getList("seen", Document.class));
        }
        if (order.version() != null) {
            seen.removeIf(s -> order.version().equals(s.getString("v")));
            seen.add(new Document("v", order.version()).append("fp", fingerprint));
        }
        while (seen.size() > SEEN_VERSIONS) {
            seen.removeFirst();
        }
        Document document = new Document("_id", order.orderId())
                .append("number", order.number())
                .append("partnerId", order.partnerId())
                .append("partnerName", order.partnerName())
                .append("state", (order.state() == null ? SalesOrderState.UNKNOWN : order.state()).name())
                .append("version", order.version())
                .append("fingerprint", fingerprint)
                .append("seen", seen)
                .append("amountTotal", decimal(order.amountTotal()))
                .append("currency", order.currency())
                .append("companyId", order.companyId())
                .append("orderDate", order.orderDate() == null ? null : Date.from(order.orderDate()))
                .append("eventAt", Date.from(at));
        // a request the ERP has not answered survives an update of the same order, unless the order went back to
        // a quotation (set back to draft: a new round of taps starts)
        boolean backToQuotation = stored != null && order.state() != null && order.state().awaitsCustomer()
                && !SalesOrderState.valueOf(stored.getString("state")).awaitsCustomer();
        if (backToQuotation) {
            document.append(DROP_CLAIM, true);
        }
        return document;
    }

    private static Document invoiceDocument(Invoice invoice, boolean cancelled, Instant at) {
        return new Document("_id", invoice.invoiceId())
                .append("number", invoice.number())
                .append("partnerId", invoice.partnerId())
                .append("cancelled", cancelled)
                .append("paymentState", (invoice.paymentState() == null ? PaymentState.UNKNOWN
                        : invoice.paymentState()).name())
                .append("amountTotal", decimal(invoice.amountTotal()))
                .append("amountResidual", decimal(invoice.amountResidual()))
                .append("currency", invoice.currency())
                .append("invoiceDate", date(invoice.invoiceDate()))
                .append("dueDate", date(invoice.dueDate()))
                .append("version", invoice.version())
                .append("companyId", invoice.companyId())
                .append("eventAt", Date.from(at));
    }

    /** What the customer sees of an order, digested: amounts, currency and lines. */
    static String fingerprint(SalesOrder order) {
        StringBuilder text = new StringBuilder();
        text.append(plain(order.amountTotal())).append('|').append(order.currency()).append('|');
        for (DocumentLine line : order.lines()) {
            text.append(line.productId()).append(',').append(line.productName()).append(',')
                    .append(plain(line.quantity())).append(',').append(plain(line.unitPrice())).append(',')
                    .append(plain(line.discountPercent())).append(',').append(plain(line.subtotal())).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    // ---- reads for taps ----

    /** The orders, each with the claim a tap holds on it (if any). */
    public Map<String, OrderView> orders(Collection<String> ids) {
        Map<String, OrderView> found = new LinkedHashMap<>();
        Map<String, Document> stored = byId(orders, ids);
        Map<String, Document> held = stored.isEmpty() ? Map.of() : byId(claims, stored.keySet());
        stored.forEach((id, document) -> found.put(id, order(document, held.get(id))));
        return found;
    }

    /** The orders as the ERP last described them, without reading claims (the claim's insert finds those). */
    public Map<String, OrderView> ordersWithoutClaims(Collection<String> ids) {
        Map<String, OrderView> found = new LinkedHashMap<>();
        byId(orders, ids).forEach((id, document) -> found.put(id, order(document, null)));
        return found;
    }

    public Map<String, InvoiceView> invoices(Collection<String> ids) {
        Map<String, InvoiceView> found = new LinkedHashMap<>();
        byId(invoices, ids).forEach((id, document) -> found.put(id, invoice(document)));
        return found;
    }

    /** Orders awaiting the customer or confirmed, of these partners, newest first. */
    public List<OrderView> openOrders(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        List<OrderView> open = new ArrayList<>();
        orders.find(Filters.and(Filters.in("partnerId", partnerIds), Filters.in("state", List.of(
                        SalesOrderState.QUOTATION.name(), SalesOrderState.QUOTATION_SENT.name(),
                        SalesOrderState.CONFIRMED.name()))))
                .forEach(document -> open.add(order(document, null)));
        open.sort((a, b) -> compareInstants(b.orderDate(), a.orderDate()));
        return open;
    }

    /** Invoices with something left to pay, of these partners, the oldest due first. */
    public List<InvoiceView> openInvoices(Collection<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        List<InvoiceView> open = new ArrayList<>();
        invoices.find(Filters.and(Filters.in("partnerId", partnerIds), Filters.eq("cancelled", false)))
                .forEach(document -> {
                    InvoiceView invoice = invoice(document);
                    if (invoice.isOpen()) {
                        open.add(invoice);
                    }
                });
        open.sort((a, b) -> {
            LocalDate da = a.dueDate() == null ? LocalDate.MAX : a.dueDate();
            LocalDate db = b.dueDate() == null ? LocalDate.MAX : b.dueDate();
            return da.compareTo(db);
        });
        return open;
    }

    private static int compareInstants(Instant a, Instant b) {
        return (a == null ? Instant.MIN : a).compareTo(b == null ? Instant.MIN : b);
    }

    // ---- the one write of a tap on an order ----

    /**
     * Claims the order for this tap's confirm or cancel request, if and only if it still awaits the customer at
     * {@code expectedVersion} and no other tap's request is pending: one insert into {@code order_claims} under the
     * order's id (unique), so of two taps racing only the first succeeds. Claiming again with the same tap (a
     * redelivery) succeeds again; a claim past its {@code until} (the ERP never answered) can be taken over, by one
     * tap only. Empty when another tap or an ERP change came first.
     */
    public Optional<OrderView> claim(String orderId, String expectedVersion, OrderView.Request request, String wamid,
                                     Instant now, Instant until) {
        Document order = orders.find(Filters.eq("_id", orderId)).first();
        if (order == null || !SalesOrderState.valueOf(order.getString("state")).awaitsCustomer()
                || !java.util.Objects.equals(order.getString("version"), expectedVersion)) {
            return Optional.empty();
        }
        Document claim = new Document("_id", orderId).append("request", request.name()).append("wamid", wamid)
                .append("version", expectedVersion).append("at", Date.from(now)).append("until", Date.from(until));
        try {
            claims.insertOne(claim);
            return Optional.of(order(order, claim));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = claims.find(Filters.eq("_id", orderId)).first();
        if (existing == null) {
            return Optional.empty(); // dropped meanwhile (the order went back to a quotation): decide again
        }
        if (wamid.equals(existing.getString("wamid"))) {
            return Optional.of(order(order, existing));
        }
        if (!existing.getDate("until").toInstant().isAfter(now)) {
            Document replaced = claims.findOneAndReplace(Filters.and(Filters.eq("_id", orderId),
                    Filters.eq("wamid", existing.getString("wamid"))), claim);
            if (replaced != null) {
                return Optional.of(order(order, claim));
            }
        }
        return Optional.empty();
    }

    /** A claim decided on the order as a batch read it: its version and no active claim then. */
    public record ClaimRequest(String orderId, String expectedVersion, OrderView.Request request, String wamid) {
    }

    /**
     * Writes the claims of one poll's taps in one unordered insert into {@code order_claims} (the orders were read
     * by the same poll, awaiting the customer at {@code expectedVersion} with no active claim). Returns the order
     * ids whose claim document existed already: another tap came first, an expired claim is to be taken over, or
     * this very tap claimed before an interruption. Those are decided one by one with {@link #claim}.
     */
    public Set<String> claimAll(List<ClaimRequest> requests, Instant now, Instant until) {
        Set<String> taken = new HashSet<>();
        if (requests.isEmpty()) {
            return taken;
        }
        List<Document> documents = new ArrayList<>(requests.size());
        Date at = Date.from(now);
        Date expires = Date.from(until);
        for (ClaimRequest request : requests) {
            documents.add(new Document("_id", request.orderId()).append("request", request.request().name())
                    .append("wamid", request.wamid()).append("version", request.expectedVersion())
                    .append("at", at).append("until", expires));
        }
        try {
            claims.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(documents.get(error.getIndex()).getString("_id"));
            });
        }
        return taken;
    }

    // ---- mapping ----

    private static Map<String, Document> byId(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Document> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        collection.find(Filters.in("_id", ids.stream().distinct().toList()))
                .forEach(document -> found.put(document.getString("_id"), document));
        return found;
    }

    static OrderView order(Document d, Document p) {
        List<OrderView.SeenVersion> seen = new ArrayList<>();
        List<Document> stored = d.getList("seen", Document.class);
        if (stored != null) {
            stored.forEach(s -> seen.add(new OrderView.SeenVersion(s.getString("v"), s.getString("fp"))));
        }
        OrderView.Pending pending = p == null ? null : new OrderView.Pending(
                OrderView.Request.valueOf(p.getString("request")), p.getString("wamid"), p.getDate("at").toInstant(),
                p.getDate("until").toInstant());
        return new OrderView(d.getString("_id"), d.getString("number"), d.getString("partnerId"),
                d.getString("partnerName"), SalesOrderState.valueOf(d.getString("state")), d.getString("version"),
                d.getString("fingerprint"), seen, bigDecimal(d.get("amountTotal")), d.getString("currency"),
                d.getString("companyId"), instant(d.getDate("orderDate")), instant(d.getDate("eventAt")), pending);
    }

    static InvoiceView invoice(Document d) {
        return new InvoiceView(d.getString("_id"), d.getString("number"), d.getString("partnerId"),
                Boolean.TRUE.equals(d.getBoolean("cancelled")), PaymentState.valueOf(d.getString("paymentState")),
                bigDecimal(d.get("amountTotal")), bigDecimal(d.get("amountResidual")), d.getString("currency"),
                localDate(d.getDate("invoiceDate")), localDate(d.getDate("dueDate")), d.getString("version"),
                d.getString("companyId"), instant(d.getDate("eventAt")));
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal bigDecimal(Object value) {
        return switch (value) {
            case Decimal128 d -> d.bigDecimalValue();
            case Number n -> new BigDecimal(n.toString());
            case null, default -> null;
        };
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
