package io.wabiz.events.outbound;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;

/**
 * Why a message was sent and by whom, carried from the command to its outcome so that the
 * history and the ERP can tie the message to a document.
 *
 * @param actor the staff user, the scenario id or the automation's name
 */
public record Correlation(ErpDocumentType documentType, String documentId, NotificationKind notificationKind,
                          Origin origin, String actor) {

    public enum Origin { STAFF, AUTOMATION, SCENARIO }
}
