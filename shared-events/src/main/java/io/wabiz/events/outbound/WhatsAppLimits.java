package io.wabiz.events.outbound;

import java.util.Collection;

/**
 * Meta's content limits, checked when a command is built so that a bad message fails with a clear
 * reason here rather than at Meta.
 */
public final class WhatsAppLimits {

    public static final int TEXT_BODY = 4096;
    public static final int INTERACTIVE_BODY = 1024;
    public static final int HEADER_TEXT = 60;
    public static final int FOOTER_TEXT = 60;
    public static final int MAX_REPLY_BUTTONS = 3;
    public static final int BUTTON_TITLE = 20;
    public static final int BUTTON_ID = 256;
    public static final int LIST_BUTTON_TEXT = 20;
    public static final int MAX_LIST_SECTIONS = 10;
    public static final int MAX_LIST_ROWS = 10;
    public static final int LIST_ROW_TITLE = 24;
    public static final int LIST_ROW_DESCRIPTION = 72;
    public static final int LIST_ROW_ID = 200;
    public static final int SECTION_TITLE = 24;
    public static final int CTA_DISPLAY_TEXT = 20;
    public static final int MEDIA_CAPTION = 1024;

    private WhatsAppLimits() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ContentLimitExceeded(field + " is required");
        }
        return optional(field, value, maxLength);
    }

    public static String optional(String field, String value, int maxLength) {
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            throw new ContentLimitExceeded(field + " has " + value.codePointCount(0, value.length())
                    + " characters; WhatsApp allows at most " + maxLength);
        }
        return value;
    }

    public static void count(String field, Collection<?> values, int min, int max) {
        int size = values == null ? 0 : values.size();
        if (size < min || size > max) {
            throw new ContentLimitExceeded(field + " has " + size + " entries; WhatsApp allows "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    /** Content that breaks one of WhatsApp's limits; the message says which and by how much. */
    public static final class ContentLimitExceeded extends IllegalArgumentException {
        public ContentLimitExceeded(String message) {
            super(message);
        }
    }
}
