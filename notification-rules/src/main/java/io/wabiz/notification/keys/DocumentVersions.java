package io.wabiz.notification.keys;

import java.time.Instant;
import java.util.Comparator;

/**
 * Which of two ERP events about one document is the newer, so that projections keep the latest state whatever
 * order the events arrive in. ERP events are ordered by when the ERP changed the document ({@code occurredAt});
 * at the same instant by the document's version: numerically when both are numbers (revision 10 after 9),
 * otherwise as text (write dates such as {@code 20260301T101500}).
 */
public final class DocumentVersions {

    /** Orders (occurredAt, version) pairs, oldest first; missing values sort first. */
    public static final Comparator<Stamp> ORDER = Comparator
            .comparing(Stamp::at, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Stamp::version, Comparator.nullsFirst(DocumentVersions::compareVersions));

    private DocumentVersions() {
    }

    /** An event's place in its document's history. */
    public record Stamp(Instant at, String version) {
    }

    /** Whether the event stamped {@code candidate} is newer than {@code current} (not equal). */
    public static boolean isNewer(Stamp candidate, Stamp current) {
        return current == null || ORDER.compare(candidate, current) > 0;
    }

    public static int compareVersions(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
