package io.wabiz.ingress.normalise;

import io.wabiz.events.TopicRecord;
import java.util.List;

/**
 * What one webhook body means, in body order: inbound messages, statuses and account notices.
 *
 * @param phoneNumberIds  every business phone number id the body speaks for, in body order, without repeats
 * @param unmodelledTypes Meta's types of the body's messages that the platform does not model (kept as
 *                        {@code Unsupported}, counted by the ingress), one per such message
 */
public record NormalisedWebhook(List<TopicRecord> records, List<String> phoneNumberIds, List<String> unmodelledTypes) {

    public NormalisedWebhook {
        records = List.copyOf(records);
        phoneNumberIds = List.copyOf(phoneNumberIds);
        unmodelledTypes = List.copyOf(unmodelledTypes);
    }

    /** The phone number id the raw body is keyed by: the first one named, or null for account-level bodies. */
    public String firstPhoneNumberId() {
        return phoneNumberIds.isEmpty() ? null : phoneNumberIds.getFirst();
    }
}
