package io.wabiz.ingress.normalise;

import io.wabiz.events.TopicRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The records of one webhook body as the readers make them, in body order. */
final class BodyRecords {

    final Instant receivedAt;
    final List<TopicRecord> records = new ArrayList<>();
    final Set<String> phoneNumberIds = new LinkedHashSet<>();
    final List<String> unmodelledTypes = new ArrayList<>();
    int entryIndex;
    int noticeIndex;

    BodyRecords(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    void add(TopicRecord record) {
        records.add(record);
    }

    NormalisedWebhook result() {
        return new NormalisedWebhook(records, new ArrayList<>(phoneNumberIds), unmodelledTypes);
    }

    /** A name-based UUID: the same content gives the same id, so consumers can tell Meta's retries apart. */
    static String id(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
