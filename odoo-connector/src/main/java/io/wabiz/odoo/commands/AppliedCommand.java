package io.wabiz.odoo.commands;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One command as the connector applied it to Odoo (collection {@code odoo_commands}): the idempotency ledger.
 *
 * @param id        the command's dedup key: {@code confirm:<order>:<wamid>}, {@code flag:<notification id>},
 *                  {@code payment:<provider>:<transaction id>}
 * @param status    {@link Status}
 * @param steps     what is done of a command made of several calls ({@code confirm}, {@code proof}, {@code flag},
 *                  {@code wizard}, {@code payment}): a redelivery goes on from there
 * @param outcome   what happened, in words (Odoo's own for refusals)
 */
@Document("odoo_commands")
public record AppliedCommand(@Id String id, String commandId, String type, String documentId, Status status,
                             List<String> steps, String outcome, int attempts, Instant createdAt, Instant updatedAt) {

    public enum Status {
        /** being applied: some steps may be done */
        IN_PROGRESS,
        /** done in Odoo */
        APPLIED,
        /** not done, on purpose: the document's state did not allow it (the customer is told by the scenario) */
        REFUSED,
        /** not done: Odoo refused it (the record went to the dead-letter topic with Odoo's words) */
        FAILED
    }

    public AppliedCommand {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public boolean finished() {
        return status == Status.APPLIED || status == Status.REFUSED || status == Status.FAILED;
    }

    public boolean did(String step) {
        return steps.contains(step);
    }
}
