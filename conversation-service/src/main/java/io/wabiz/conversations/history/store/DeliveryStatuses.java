package io.wabiz.conversations.history.store;

import io.wabiz.conversations.history.documents.ErrorHelp;
import io.wabiz.conversations.history.documents.MessageDocument.MessageError;
import io.wabiz.conversations.history.documents.StatusProgress;
import io.wabiz.conversations.history.store.Messages.Stored;
import io.wabiz.conversations.history.store.Messages.Upsert;
import io.wabiz.events.ConversationKey;
import io.wabiz.events.whatsapp.DeliveryStatus;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Meta's statuses of the business' messages: one update per message, {@code $max} of the status rank and
 * {@code $min} of each status's time, so order and repetition do not matter. A status for a message not
 * known yet creates the message's document with only these fields, completed when the message arrives.
 */
public class DeliveryStatuses {

    private final Messages messages;

    DeliveryStatuses(Messages messages) {
        this.messages = messages;
    }

    public Outcome record(MessageStatusChanged event) {
        return record(List.of(event)).getFirst();
    }

    public List<Outcome> record(List<MessageStatusChanged> events) {
        events.forEach(RecordChecks::check);
        Map<String, Stored> before = messages.existing(events.stream().map(MessageStatusChanged::wamid).toList());
        Map<String, StatusState> states = new HashMap<>();
        Map<String, Changes> updates = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (MessageStatusChanged event : events) {
            String wamid = event.wamid();
            DeliveryStatus status = event.status();
            Instant at = event.statusAt() != null ? event.statusAt() : event.occurredAt();
            StatusState state = states.computeIfAbsent(wamid, id -> StatusState.of(before.get(id)));
            outcomes.add(state.apply(status));
            Stored stored = before.get(wamid);
            Changes update = updates.computeIfAbsent(wamid, id -> messages.changes());
            update.max("statusRank", Math.max(StatusProgress.rank(status), state.batchRank));
            update.min("timeline." + status.name(), state.earliest(status, at));
            // fields a stored document already has are left out: each one costs the store on every update
            if (stored == null) {
                update.setOnInsert("wamid", wamid);
            }
            if (stored == null && event.businessPhoneNumberId() != null && event.customerWaId() != null) {
                update.setOnInsert("conversationId", ConversationKey.of(event.businessPhoneNumberId(), event.customerWaId()))
                        .setOnInsert("businessPhoneNumberId", event.businessPhoneNumberId())
                        .setOnInsert("customerWaId", event.customerWaId());
            }
            if (event.pricing() != null && !(stored != null
                    && Objects.equals(stored.pricingCategory(), event.pricing().category())
                    && Objects.equals(stored.billable(), event.pricing().billable()))) {
                update.setIfPresent("pricingCategory", event.pricing().category());
                update.set("billable", event.pricing().billable());
                state.pricingCategory = event.pricing().category();
            }
            if (status == DeliveryStatus.FAILED && !event.errors().isEmpty()) {
                MetaError error = event.errors().getFirst();
                update.set("error", new MessageError(error.code(), error.title(),
                        error.details() != null ? error.details() : error.message(),
                        ErrorHelp.of(error.code(), null, error.href()), error.href(), at));
            }
        }
        // a batch of repeated statuses (Meta retries webhooks) changes nothing: no write at all
        updates.keySet().removeIf(wamid -> states.get(wamid).changesNothing(before.get(wamid)));
        List<Upsert> writes = new ArrayList<>(updates.size());
        updates.forEach((wamid, update) -> writes.add(new Upsert(wamid, update)));
        messages.upsertAll(writes);
        return outcomes;
    }

    /** Where one message stands while a batch of its statuses is applied, to tell each status's outcome. */
    private static final class StatusState {

        private final boolean known;
        private Integer rank;
        private final Map<String, Instant> reached = new HashMap<>();
        private int batchRank = -1;
        private final Map<String, Instant> batchTimes = new HashMap<>();
        private String pricingCategory;

        private StatusState(boolean known, Integer rank, Map<String, Instant> timeline) {
            this.known = known;
            this.rank = rank;
            if (timeline != null) {
                timeline.keySet().forEach(status -> reached.put(status, null));
            }
        }

        static StatusState of(Stored stored) {
            return stored == null ? new StatusState(false, null, null)
                    : new StatusState(stored.known(), stored.statusRank(), stored.timeline());
        }

        Outcome apply(DeliveryStatus status) {
            boolean repeated = reached.containsKey(status.name());
            boolean advances = StatusProgress.advances(status, rank);
            reached.putIfAbsent(status.name(), null);
            batchRank = Math.max(batchRank, StatusProgress.rank(status));
            rank = rank == null ? StatusProgress.rank(status) : Math.max(rank, StatusProgress.rank(status));
            if (repeated) {
                return Outcome.DUPLICATE;
            }
            if (!known) {
                return Outcome.EARLY;
            }
            return advances ? Outcome.ADVANCED : Outcome.LATE;
        }

        /** The earliest time of this status within the batch ($min would keep it anyway). */
        Instant earliest(DeliveryStatus status, Instant at) {
            Instant seen = reached.get(status.name());
            Instant earliest = seen == null || at.isBefore(seen) ? at : seen;
            reached.put(status.name(), earliest);
            batchTimes.merge(status.name(), earliest, (a, b) -> a.isBefore(b) ? a : b);
            return earliest;
        }

        /** True when the stored message already shows everything this batch says about it. */
        boolean changesNothing(Stored stored) {
            if (stored == null || stored.statusRank() == null || stored.timeline() == null
                    || stored.statusRank() < batchRank) {
                return false;
            }
            for (Map.Entry<String, Instant> status : batchTimes.entrySet()) {
                Instant storedAt = stored.timeline().get(status.getKey());
                if (storedAt == null || storedAt.isAfter(status.getValue())) {
                    return false;
                }
            }
            return pricingCategory == null || pricingCategory.equals(stored.pricingCategory());
        }
    }
}
