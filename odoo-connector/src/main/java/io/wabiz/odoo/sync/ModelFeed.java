package io.wabiz.odoo.sync;

import io.wabiz.events.TopicRecord;
import io.wabiz.odoo.ConnectorProperties;
import java.time.Instant;
import java.util.List;

/** How one Odoo model is read and turned into the platform's events. */
interface ModelFeed {

    /** The id, time and version an event gets: derived from the record, so a re-read makes the same ones. */
    record Stamp(String eventId, Instant occurredAt, String version) {
    }

    SyncedModel kind();

    /** What of the model belongs to the company ({@code company_id}, {@code move_type} ...). */
    List<Object> domain(ConnectorProperties.Company company);

    /**
     * Reads the records fully (with their lines), mapped; deleted ones and records of companies not in
     * {@code companies} (or outside the model's domain, such as vendor bills) are left out.
     */
    List<Snapshot> read(List<Long> ids, Companies companies);

    /** The events a change calls for, given what was last seen ({@code previous} null: never seen). */
    List<TopicRecord> events(Snapshot now, RecordEntry previous, Stamp stamp);

    /** Whether the record is worth an event at all on first sight (draft invoices are kept quiet until posted). */
    default boolean publishes(Snapshot now, RecordEntry previous) {
        return true;
    }
}
