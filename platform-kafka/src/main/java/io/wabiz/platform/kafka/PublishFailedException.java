package io.wabiz.platform.kafka;

import io.wabiz.events.TopicRecord;

/** The broker did not acknowledge a record in time, or refused it; it may or may not be stored. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(TopicRecord record, String what, Throwable cause) {
        super(record.getClass().getSimpleName() + " " + record.id() + " " + what, cause);
    }
}
