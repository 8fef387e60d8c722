package io.wabiz.notification.keys;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The idempotency key of an automated notification, {@code {kind}:{documentType}:{documentId}:{factVersion}},
 * for example {@code order_created:sales_order:42:v3}: the same ERP fact always gives the same key, so whoever
 * republishes it (the ERP, a redelivery after a crash, a second replica) never causes a second send. The sender
 * refuses a key it has seen; the key also travels to Meta as {@code biz_opaque_callback_data}.
 *
 * <p>The fact version is the document's version in the ERP ({@code v3}), or what makes the fact unique for facts
 * that are not document versions ({@code v3-r1} for an admin's first resend, a request id for details asked by a
 * customer). It has no {@code :}; the document id may, since the key is read from both ends.
 */
public record IdempotencyKey(NotificationKind kind, ErpDocumentType documentType, String documentId,
                             String factVersion) {

    /** Meta echoes {@code biz_opaque_callback_data} up to 512 characters. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern FACT_VERSION = Pattern.compile("[A-Za-z0-9_\\-.@#/+=]+");

    public IdempotencyKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(documentType, "documentType");
        if (documentId == null || documentId.isBlank()) {
            throw new IllegalArgumentException("an idempotency key needs a document id");
        }
        if (factVersion == null || !FACT_VERSION.matcher(factVersion).matches()) {
            throw new IllegalArgumentException("fact version must be letters, digits or _-.@#/+= and not empty: "
                    + factVersion);
        }
        int length = kind.name().length() + documentType.name().length() + documentId.length()
                + factVersion.length() + 3;
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("idempotency key longer than " + MAX_LENGTH + " characters");
        }
    }

    /** The key of the fact "document {@code documentId} at ERP version {@code version}": {@code v{version}}. */
    public static IdempotencyKey ofVersion(NotificationKind kind, ErpDocumentType documentType, String documentId,
                                           String version) {
        return new IdempotencyKey(kind, documentType, documentId, "v" + (version == null || version.isBlank()
                ? "0" : version));
    }

    /**
     * An explicit new version of this fact, an admin's n-th "send again": {@code v3} gives {@code v3-r2}. Call it on
     * the original key; the resend number comes from an atomic counter, so two admins never get the same one.
     */
    public IdempotencyKey resend(int resendNumber) {
        if (resendNumber < 1) {
            throw new IllegalArgumentException("resends are numbered from 1");
        }
        return new IdempotencyKey(kind, documentType, documentId, factVersion + "-r" + resendNumber);
    }

    /** Reads a key this class printed. */
    public static IdempotencyKey parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no idempotency key");
        }
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        int last = text.lastIndexOf(':');
        if (first < 0 || second < 0 || last <= second) {
            throw new IllegalArgumentException("not a notification key {kind}:{documentType}:{documentId}:{version}: "
                    + text);
        }
        try {
            return new IdempotencyKey(NotificationKind.valueOf(text.substring(0, first).toUpperCase(Locale.ROOT)),
                    ErpDocumentType.valueOf(text.substring(first + 1, second).toUpperCase(Locale.ROOT)),
                    text.substring(second + 1, last), text.substring(last + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a notification key: " + text, e);
        }
    }

    /** Whether {@code text} is a key of an automated notification (staff sends have other keys). */
    public static boolean isNotificationKey(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ':' + documentType.name().toLowerCase(Locale.ROOT) + ':'
                + documentId + ':' + factVersion;
    }
}
