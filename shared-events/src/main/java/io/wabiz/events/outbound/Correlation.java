package io.wabiz.events.outbound;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;

/**
 * Why a message was sent and by whom, carried from the command to its outcome so that the
 * history and the ERP can tie the message to a document.
 *
 * @param documentId     the ERP's id of the document ({@code account.move/17})
 * @param actor          the staff user, the scenario id or the automation's name
 * @param documentNumber the number people know the document by ({@code S00042}, {@code INV/2026/00017}), what
 *                       staff search the history with; null when the sender of the command did not know it
 */
public record Correlation(ErpDocumentType documentType, String documentId, NotificationKind notificationKind,
                          Origin origin, String actor, String documentNumber) {

    /** The form before the document's number was carried. */
    public Correlation(ErpDocumentType documentType, String documentId, NotificationKind notificationKind,
                       Origin origin, String actor) {
        this(documentType, documentId, notificationKind, origin, actor, null);
    }

    public enum Origin { STAFF, AUTOMATION, SCENARIO }
}
