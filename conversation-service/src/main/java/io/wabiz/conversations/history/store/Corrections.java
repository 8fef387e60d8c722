package io.wabiz.conversations.history.store;

import io.wabiz.conversations.history.documents.MessageContent;
import io.wabiz.conversations.history.store.Messages.Upsert;
import io.wabiz.events.whatsapp.InboundContent;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * An edit or a deletion of an earlier message (by the customer, or by the business from its app): not a new
 * message, but a change of the original, commutative like the rest ({@code $max} of the latest edit by its time,
 * {@code $min} of the deletion time). An edit that comes before its message waits in the message's document.
 */
final class Corrections {

    private Corrections() {
    }

    /** The change of the original message when {@code content} is an edit or a deletion that names it. */
    static Optional<Upsert> of(Messages messages, InboundContent content, Instant at) {
        return switch (content) {
            case InboundContent.Edit edit when edit.originalWamid() != null -> {
                MessageContent edited = MessageContent.of(edit.content());
                Document latest = new Document("at", Date.from(at)).append("type", edited.type())
                        .append("text", edited.text()).append("content", edited.content());
                yield Optional.of(new Upsert(edit.originalWamid(), messages.changes().max("edited", latest)));
            }
            case InboundContent.Revoke revoke when revoke.originalWamid() != null ->
                    Optional.of(new Upsert(revoke.originalWamid(), messages.changes().min("revokedAt", at)));
            default -> Optional.empty();
        };
    }
}
