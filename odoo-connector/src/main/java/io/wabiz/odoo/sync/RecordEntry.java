package io.wabiz.odoo.sync;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the connector last saw and published of one Odoo record (collection {@code odoo_records}): it decides
 * whether a read is new, which event type a change is, and what an update's "previous" values were.
 *
 * @param id             the platform's document id, such as {@code sale.order/23}
 * @param writeDate      the {@code write_date} of the last read
 * @param readAt         when that read was made (the connector's clock)
 * @param fingerprint    the digest of what the platform sees of the record, at the last read
 * @param version        the version of the last published event
 * @param published      whether any event was published (draft invoices are not)
 * @param lastOccurredAt the {@code occurredAt} of the last event: the next one is later, even within one second
 */
@Document("odoo_records")
public record RecordEntry(@Id String id, String model, String writeDate, Instant readAt, String fingerprint,
                          String version, boolean published, String state, String residual, String paymentState,
                          Instant lastOccurredAt, String lastEventId, String lastEventType) {
}
