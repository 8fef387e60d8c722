package io.wabiz.sender;

import io.wabiz.events.TopicRecord;

/** Publishes a record (an outcome, a template) and returns only once the broker has it. */
@FunctionalInterface
public interface RecordPublisher {

    void publish(TopicRecord outcome);
}
