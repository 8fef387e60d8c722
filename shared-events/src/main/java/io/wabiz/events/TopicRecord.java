package io.wabiz.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * Every event and command that travels on a topic: an id (also the CloudEvents {@code ce_id}),
 * the Kafka record key (derived from the payload so it cannot disagree with it) and when it happened.
 */
public interface TopicRecord {

    String id();

    @JsonIgnore
    String key();

    Instant occurredAt();
}
