package io.wabiz.ingress.normalise;

import io.wabiz.events.TopicRecord;
import java.util.List;

/**
 * What one webhook body means, in body order: inbound messages, statuses and account notices.
 *
 * @param phoneNumberIds every business phone number id the body speaks for, in body order, without repeats
 */
public record NormalisedWebhook(List<TopicRecord> records, List<String> phoneNumberIds) {

    public NormalisedWebhook {
        records = List.copyOf(records);
        phoneNumberIds = List.copyOf(phoneNumberIds);
    }

    /** The phone number id the raw body is keyed by: the first one named, or null for account-level bodies. */
    public String firstPhoneNumberId() {
        return phoneNumberIds.isEmpty() ? null : phoneNumberIds.getFirst();
    }
}
