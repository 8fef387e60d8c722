package io.wabiz.odoo.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wabiz.events.TopicRecord;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads Odoo's changes and publishes them once (see the reference's "incremental sync" recipe):
 * <ol>
 *   <li>scan {@code [write_date >= watermark - overlap]} for ids and write dates only, page by page (once a
 *       minute; the polls between reach back a few seconds only);</li>
 *   <li>read fully only the records whose write date is new to the ledger, or that were last read less than a
 *       second (plus the clock skew) after their write date: a second change within that second would show the
 *       same write date;</li>
 *   <li>publish what changed for the platform, with ids from (model, id, write date, content), wait for the
 *       broker, then record it; a re-read after a crash publishes the same ids, or nothing;</li>
 *   <li>move the watermark to the largest write date seen, Odoo's own clock.</li>
 * </ol>
 * The reads and decisions of one model run one batch at a time, so that a webhook's read and a poll's cannot
 * publish out of order; a read older than what the ledger saw is dropped.
 */
public final class ChangeSync {

    private static final Logger log = LoggerFactory.getLogger(ChangeSync.class);

    /** What one poll did. */
    public record PollResult(SyncedModel model, long companyId, int scanned, int read, int published,
                             String watermark, Duration took) {
    }

    private final Map<SyncedModel, ModelFeed> feeds;
    private final Map<SyncedModel, ReentrantLock> locks = new EnumMap<>(SyncedModel.class);
    private final Map<String, Instant> lastDeepScans = new java.util.concurrent.ConcurrentHashMap<>();
    private final Odoo odoo;
    private final RecordLedger ledger;
    private final Watermarks watermarks;
    private final TopicPublisher publisher;
    private final ConnectorProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ChangeSync(List<ModelFeed> feeds, Odoo odoo, RecordLedger ledger, Watermarks watermarks,
               TopicPublisher publisher, ConnectorProperties properties, Clock clock, MeterRegistry meters) {
        this.feeds = new EnumMap<>(SyncedModel.class);
        feeds.forEach(feed -> this.feeds.put(feed.kind(), feed));
        this.feeds.keySet().forEach(kind -> locks.put(kind, new ReentrantLock(true)));
        this.odoo = odoo;
        this.ledger = ledger;
        this.watermarks = watermarks;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    public static ChangeSync create(Odoo odoo, OdooCatalog catalog, RecordLedger ledger, Watermarks watermarks,
                                    TopicPublisher publisher, ConnectorProperties properties, Clock clock,
                                    MeterRegistry meters) {
        List<ModelFeed> feeds = new ArrayList<>();
        ConnectorProperties.Sync sync = properties.sync();
        if (sync.partners()) {
            feeds.add(new PartnerFeed(odoo, catalog, properties.mapping()));
        }
        if (sync.orders()) {
            feeds.add(new OrderFeed(odoo, catalog));
        }
        if (sync.invoices()) {
            feeds.add(new InvoiceFeed(odoo, catalog, properties.mapping()));
        }
        return new ChangeSync(feeds, odoo, ledger, watermarks, publisher, properties, clock, meters);
    }

    public List<SyncedModel> models() {
        return List.copyOf(feeds.keySet());
    }

    public boolean follows(SyncedModel model) {
        return model != null && feeds.containsKey(model);
    }

    /** One pass over what changed in {@code model} for {@code company} since its watermark. */
    public PollResult poll(SyncedModel model, ConnectorProperties.Company company) {
        ModelFeed feed = feeds.get(model);
        Timer.Sample sample = Timer.start(meters);
        Instant started = clock.instant();
        Watermarks.Watermark mark = watermarks.find(model, company.id());
        String scanKey = model.model() + "@" + company.id();
        Instant lastDeep = lastDeepScans.get(scanKey);
        boolean deep = lastDeep == null || !started.isBefore(lastDeep.plus(properties.sync().deepScanEvery()));
        Duration reach = deep ? properties.sync().overlap() : properties.sync().recentOverlap();
        String from = mark != null && mark.writeDate() != null
                ? OdooValues.format(OdooValues.parseDateTime(mark.writeDate()).minus(reach))
                : blankToNull(properties.sync().startFrom());
        List<Object> domain = new ArrayList<>(feed.domain(company));
        if (from != null) {
            domain.add(List.of("write_date", ">=", from));
        }
        Map<String, Object> context = Companies.only(company).context();
        int pageSize = properties.sync().pageSize();
        String highest = mark == null ? null : mark.writeDate();
        int scanned = 0;
        int read = 0;
        int published = 0;
        for (int offset = 0; ; offset += pageSize) {
            int pageOffset = offset;
            JsonNode page = odoo.read(client -> client.searchRead(model.model(), domain, List.of("write_date"),
                    "write_date asc, id asc", pageOffset, pageSize, context));
            scanned += page.size();
            List<String> ids = new ArrayList<>(page.size());
            page.forEach(row -> ids.add(model.model() + "/" + row.get("id").longValue()));
            Map<String, RecordEntry> known = ledger.find(ids);
            List<Long> candidates = new ArrayList<>();
            for (JsonNode row : page) {
                String writeDate = OdooValues.text(row.get("write_date"));
                RecordEntry entry = known.get(model.model() + "/" + row.get("id").longValue());
                if (needsRead(entry, writeDate)) {
                    candidates.add(row.get("id").longValue());
                }
                if (writeDate != null && (highest == null || writeDate.compareTo(highest) > 0)) {
                    highest = writeDate;
                }
            }
            for (int i = 0; i < candidates.size(); i += properties.sync().readBatch()) {
                List<Long> batch = candidates.subList(i, Math.min(candidates.size(), i + properties.sync().readBatch()));
                int[] counts = readAndPublish(feed, batch, Companies.only(company));
                read += counts[0];
                published += counts[1];
            }
            if (page.size() < pageSize) {
                break;
            }
        }
        if (highest != null && (mark == null || !highest.equals(mark.writeDate()))) {
            watermarks.save(model, company.id(), highest, scanned, clock.instant());
        }
        if (deep) {
            lastDeepScans.put(scanKey, started);
        }
        sample.stop(meters.timer("odoo.sync.poll", "model", model.model()));
        PollResult result = new PollResult(model, company.id(), scanned, read, published, highest,
                Duration.between(started, clock.instant()));
        if (published > 0) {
            log.info("{} of company {}: {} scanned, {} read, {} events, watermark {} ({} ms)", model.model(),
                    company.id(), scanned, read, published, highest, result.took().toMillis());
        }
        return result;
    }

    /** A new write date, or a record read too soon after its write date to rule out a second change in it. */
    private boolean needsRead(RecordEntry entry, String writeDate) {
        if (entry == null || writeDate == null || !writeDate.equals(entry.writeDate())) {
            return true;
        }
        Instant settled = OdooValues.parseDateTime(writeDate).toInstant(ZoneOffset.UTC).plusSeconds(1)
                .plus(properties.sync().clockSkew());
        return entry.readAt() == null || entry.readAt().isBefore(settled);
    }

    /**
     * Reads one record now and publishes what changed (a webhook said it changed).
     *
     * @param accept whether the read shows the change the webhook announced; when not, nothing is decided and
     *               the snapshot is returned for the caller to try again
     * @return the snapshot read, empty when the record is not visible (not committed yet, deleted, another
     *         company's, not a customer invoice)
     */
    public Optional<Snapshot> syncRecord(SyncedModel model, long odooId, java.util.function.Predicate<Snapshot> accept) {
        ModelFeed feed = feeds.get(model);
        ReentrantLock lock = locks.get(model);
        lock.lock();
        try {
            List<Snapshot> snapshots = feed.read(List.of(odooId), new Companies(properties.companies()));
            if (snapshots.isEmpty()) {
                return Optional.empty();
            }
            Snapshot snapshot = snapshots.getFirst();
            if (accept.test(snapshot)) {
                decideAndPublish(feed, snapshots);
            }
            return Optional.of(snapshot);
        } finally {
            lock.unlock();
        }
    }

    private int[] readAndPublish(ModelFeed feed, List<Long> ids, Companies companies) {
        ReentrantLock lock = locks.get(feed.kind());
        lock.lock();
        try {
            List<Snapshot> snapshots = feed.read(ids, companies);
            return new int[] {snapshots.size(), decideAndPublish(feed, snapshots)};
        } finally {
            lock.unlock();
        }
    }

    private int decideAndPublish(ModelFeed feed, List<Snapshot> snapshots) {
        Map<String, RecordEntry> known = ledger.find(snapshots.stream().map(Snapshot::documentId).toList());
        Instant readAt = clock.instant();
        List<TopicRecord> events = new ArrayList<>();
        List<RecordEntry> entries = new ArrayList<>();
        for (Snapshot now : snapshots) {
            RecordEntry previous = known.get(now.documentId());
            if (previous != null && previous.writeDate() != null && now.writeDate() != null
                    && now.writeDate().compareTo(previous.writeDate()) < 0) {
                continue; // an older read than the ledger's: the newer one was decided already
            }
            boolean unchanged = previous != null && now.fingerprint().equals(previous.fingerprint());
            if (unchanged || !feed.publishes(now, previous)) {
                entries.add(seen(now, previous, readAt));
                continue;
            }
            ModelFeed.Stamp stamp = stamp(now, previous);
            List<TopicRecord> due = feed.events(now, previous, stamp);
            if (due.isEmpty()) {
                entries.add(seen(now, previous, readAt));
                continue;
            }
            events.addAll(due);
            TopicRecord last = due.getLast();
            entries.add(new RecordEntry(now.documentId(), feed.kind().model(), now.writeDate(), readAt,
                    now.fingerprint(), stamp.version(), true, now.state(), string(now.residual()), now.paymentState(),
                    stamp.occurredAt(), last.id(), last.getClass().getSimpleName()));
            due.forEach(e -> meters.counter("odoo.sync.events", "model", feed.kind().model(), "type",
                    e.getClass().getSimpleName()).increment());
        }
        publisher.publishAllAndWait(events, properties.publishTimeout());
        ledger.saveAll(entries);
        return events.size();
    }

    /** The record was read; nothing to tell: keep what was published, note the read. */
    private static RecordEntry seen(Snapshot now, RecordEntry previous, Instant readAt) {
        boolean published = previous != null && previous.published();
        return new RecordEntry(now.documentId(), previous != null ? previous.model()
                : now.documentId().substring(0, now.documentId().indexOf('/')), now.writeDate(), readAt,
                now.fingerprint(), previous == null ? null : previous.version(), published,
                now.state(), string(now.residual()), now.paymentState(),
                previous == null ? null : previous.lastOccurredAt(), previous == null ? null : previous.lastEventId(),
                previous == null ? null : previous.lastEventType());
    }

    /**
     * The event's id, time and version from the record: {@code odoo:<document>@<write date digits>:<content>}; its
     * time the write date, or just after the previous event's when Odoo stamped both changes with one second.
     */
    private static ModelFeed.Stamp stamp(Snapshot now, RecordEntry previous) {
        String version = OdooValues.version(now.writeDate());
        Instant occurredAt = now.writeDate() == null ? Instant.EPOCH
                : OdooValues.parseDateTime(now.writeDate()).toInstant(ZoneOffset.UTC);
        if (previous != null && previous.lastOccurredAt() != null && !occurredAt.isAfter(previous.lastOccurredAt())) {
            occurredAt = previous.lastOccurredAt().plus(1, ChronoUnit.MILLIS);
        }
        return new ModelFeed.Stamp("odoo:" + now.documentId() + "@" + version + ":" + now.fingerprint().substring(0, 8),
                occurredAt, version);
    }

    private static String string(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
