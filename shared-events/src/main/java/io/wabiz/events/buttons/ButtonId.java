package io.wabiz.events.buttons;

import io.wabiz.events.outbound.WhatsAppLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one grammar of the ids the platform puts on reply buttons, list rows and template quick-reply payloads:
 * {@code {document}:{documentId}[:{action}[:{argument}]]:v{version}}, for example {@code order:42:confirm:v3},
 * {@code invoice:118:pay:wave:v1}, {@code menu:invoices:v1}.
 *
 * <p>{@code version} is the ERP document's version when the message was built (its revision or write date), so
 * that a tap on an old message is recognisable; for menus and scenarios it is the definition's version. Every
 * segment is non-empty and made of letters, digits and {@code _ - . @ # /}: no segment can hold the separator, so
 * printing and parsing are exact inverses. Nothing else in the platform splits these strings.
 *
 * @param document   what the id is about: {@code order}, {@code invoice}, {@code menu}, {@code scenario}, ...
 * @param documentId the ERP document's id (or the menu's / scenario's name)
 * @param action     what the tap asks for ({@code confirm}, {@code cancel}, {@code details}, {@code pay}); may be null
 * @param argument   the action's argument ({@code wave} for {@code pay}); only with an action
 */
public record ButtonId(String document, String documentId, String action, String argument, String version) {

    /** The standard documents of the design's grammar. */
    public static final String ORDER = "order";
    public static final String INVOICE = "invoice";
    public static final String MENU = "menu";
    public static final String SCENARIO = "scenario";

    /** Meta's limits: reply button ids, list row ids, template quick-reply payloads. */
    public static final int QUICK_REPLY_PAYLOAD = 128;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_\\-.@#/]+");
    private static final char SEPARATOR = ':';

    public ButtonId {
        segment("document", document);
        segment("document id", documentId);
        if (action != null) {
            segment("action", action);
        }
        if (argument != null) {
            if (action == null) {
                throw new InvalidButtonId("a button id argument needs an action: " + argument);
            }
            segment("argument", argument);
        }
        segment("version", version);
    }

    public static ButtonId of(String document, String documentId, String action, String version) {
        return new ButtonId(document, documentId, action, null, version);
    }

    public static ButtonId of(String document, String documentId, String action, String argument, String version) {
        return new ButtonId(document, documentId, action, argument, version);
    }

    /** Reads an id the platform printed; anything else is refused with the reason. */
    public static ButtonId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidButtonId("a button id is required");
        }
        List<String> parts = split(text);
        if (parts.size() < 3 || parts.size() > 5) {
            throw new InvalidButtonId("not a platform button id ({document}:{id}[:{action}[:{argument}]]:v{version}): "
                    + abbreviated(text));
        }
        String last = parts.getLast();
        if (last.length() < 2 || last.charAt(0) != 'v') {
            throw new InvalidButtonId("a button id ends with v{version}: " + abbreviated(text));
        }
        String version = last.substring(1);
        return switch (parts.size()) {
            case 3 -> new ButtonId(parts.get(0), parts.get(1), null, null, version);
            case 4 -> new ButtonId(parts.get(0), parts.get(1), parts.get(2), null, version);
            default -> new ButtonId(parts.get(0), parts.get(1), parts.get(2), parts.get(3), version);
        };
    }

    /** As {@link #parse}, empty for text that is not a platform button id (a customer's own payload, say). */
    public static Optional<ButtonId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidButtonId e) {
            return Optional.empty();
        }
    }

    public boolean isAbout(String documentType) {
        return document.equals(documentType);
    }

    public Optional<String> actionName() {
        return Optional.ofNullable(action);
    }

    /** The same button for another version of its document. */
    public ButtonId withVersion(String newVersion) {
        return new ButtonId(document, documentId, action, argument, newVersion);
    }

    /** The printed id for an interactive reply button (at most 256 characters). */
    public String forReplyButton() {
        return within(WhatsAppLimits.BUTTON_ID, "reply button id");
    }

    /** The printed id for an interactive list row (at most 200 characters). */
    public String forListRow() {
        return within(WhatsAppLimits.LIST_ROW_ID, "list row id");
    }

    /** The printed payload for a template quick-reply button (at most 128 characters). */
    public String forQuickReply() {
        return within(QUICK_REPLY_PAYLOAD, "template quick-reply payload");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(document).append(SEPARATOR).append(documentId);
        if (action != null) {
            out.append(SEPARATOR).append(action);
            if (argument != null) {
                out.append(SEPARATOR).append(argument);
            }
        }
        return out.append(SEPARATOR).append('v').append(version).toString();
    }

    private String within(int max, String what) {
        String printed = toString();
        if (printed.length() > max) {
            throw new InvalidButtonId(what + " has " + printed.length() + " characters; WhatsApp allows at most " + max
                    + ": " + abbreviated(printed));
        }
        return printed;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>(5);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                parts.add(text.substring(start, i));
                start = i + 1;
                if (parts.size() > 5) {
                    break;
                }
            }
        }
        return parts;
    }

    private static void segment(String name, String value) {
        if (value == null) {
            throw new InvalidButtonId("button id " + name + " is required");
        }
        if (!SEGMENT.matcher(value).matches()) {
            throw new InvalidButtonId("button id " + name + " must be letters, digits or _-.@#/ and not empty: "
                    + abbreviated(value));
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** A string that is not a platform button id, or an id that does not fit where it is used. */
    public static final class InvalidButtonId extends IllegalArgumentException {
        public InvalidButtonId(String message) {
            super(message);
        }
    }
}
