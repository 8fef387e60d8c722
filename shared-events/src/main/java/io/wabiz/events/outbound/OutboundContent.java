package io.wabiz.events.outbound;

import static io.wabiz.events.outbound.WhatsAppLimits.count;
import static io.wabiz.events.outbound.WhatsAppLimits.optional;
import static io.wabiz.events.outbound.WhatsAppLimits.required;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.wabiz.events.Immutables;
import java.util.HashSet;
import java.util.List;

/**
 * What a business message says. Each form checks WhatsApp's limits when it is built: a record that
 * exists is one Meta accepts the shape of.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = OutboundContent.Text.class, name = "text"),
        @JsonSubTypes.Type(value = OutboundContent.ReplyButtons.class, name = "reply_buttons"),
        @JsonSubTypes.Type(value = OutboundContent.ListMessage.class, name = "list"),
        @JsonSubTypes.Type(value = OutboundContent.CtaUrl.class, name = "cta_url"),
        @JsonSubTypes.Type(value = OutboundContent.Document.class, name = "document"),
        @JsonSubTypes.Type(value = OutboundContent.Image.class, name = "image"),
        @JsonSubTypes.Type(value = OutboundContent.Template.class, name = "template")
})
public sealed interface OutboundContent {

    /** True for content Meta only delivers inside the customer's 24-hour window. */
    @JsonIgnore
    default boolean isFreeForm() {
        return !(this instanceof Template);
    }

    record Text(String body, boolean previewUrl) implements OutboundContent {
        public Text {
            required("text body", body, WhatsAppLimits.TEXT_BODY);
        }
    }

    /** Interactive message with one to three reply buttons. */
    record ReplyButtons(String headerText, String body, String footer, List<ReplyButton> buttons)
            implements OutboundContent {
        public ReplyButtons {
            optional("header", headerText, WhatsAppLimits.HEADER_TEXT);
            required("interactive body", body, WhatsAppLimits.INTERACTIVE_BODY);
            optional("footer", footer, WhatsAppLimits.FOOTER_TEXT);
            buttons = Immutables.list(buttons);
            count("reply buttons", buttons, 1, WhatsAppLimits.MAX_REPLY_BUTTONS);
            if (buttons.stream().map(ReplyButton::id).distinct().count() != buttons.size()) {
                throw new WhatsAppLimits.ContentLimitExceeded("reply button ids must be unique");
            }
        }
    }

    record ReplyButton(String id, String title) {
        public ReplyButton {
            required("button id", id, WhatsAppLimits.BUTTON_ID);
            required("button title", title, WhatsAppLimits.BUTTON_TITLE);
        }
    }

    /** Interactive list: a button that opens sections of rows, ten rows in all at most. */
    record ListMessage(String headerText, String body, String footer, String buttonText, List<ListSection> sections)
            implements OutboundContent {
        public ListMessage {
            optional("header", headerText, WhatsAppLimits.HEADER_TEXT);
            required("interactive body", body, WhatsAppLimits.INTERACTIVE_BODY);
            optional("footer", footer, WhatsAppLimits.FOOTER_TEXT);
            required("list button text", buttonText, WhatsAppLimits.LIST_BUTTON_TEXT);
            sections = Immutables.list(sections);
            count("list sections", sections, 1, WhatsAppLimits.MAX_LIST_SECTIONS);
            List<ListRow> rows = sections.stream().flatMap(s -> s.rows().stream()).toList();
            count("list rows", rows, 1, WhatsAppLimits.MAX_LIST_ROWS);
            if (new HashSet<>(rows.stream().map(ListRow::id).toList()).size() != rows.size()) {
                throw new WhatsAppLimits.ContentLimitExceeded("list row ids must be unique");
            }
            if (sections.size() > 1 && sections.stream().anyMatch(s -> s.title() == null || s.title().isBlank())) {
                throw new WhatsAppLimits.ContentLimitExceeded("every section needs a title when there are several");
            }
        }
    }

    record ListSection(String title, List<ListRow> rows) {
        public ListSection {
            optional("section title", title, WhatsAppLimits.SECTION_TITLE);
            rows = Immutables.list(rows);
        }
    }

    record ListRow(String id, String title, String description) {
        public ListRow {
            required("list row id", id, WhatsAppLimits.LIST_ROW_ID);
            required("list row title", title, WhatsAppLimits.LIST_ROW_TITLE);
            optional("list row description", description, WhatsAppLimits.LIST_ROW_DESCRIPTION);
        }
    }

    /** Interactive call-to-action: one button that opens a URL (a payment link, an invoice). */
    record CtaUrl(String headerText, String body, String footer, String displayText, String url)
            implements OutboundContent {
        public CtaUrl {
            optional("header", headerText, WhatsAppLimits.HEADER_TEXT);
            required("interactive body", body, WhatsAppLimits.INTERACTIVE_BODY);
            optional("footer", footer, WhatsAppLimits.FOOTER_TEXT);
            required("CTA display text", displayText, WhatsAppLimits.CTA_DISPLAY_TEXT);
            required("CTA url", url, 2000);
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new WhatsAppLimits.ContentLimitExceeded("CTA url must be an http(s) URL: " + url);
            }
        }
    }

    /**
     * A document by public link, by a media id uploaded beforehand, or as a file the sender uploads to Meta's media
     * endpoint first and then sends by the media id it gets (so Meta never has to fetch a link of ours).
     */
    record Document(String link, String mediaId, String filename, String caption, MediaUpload upload)
            implements OutboundContent {
        public Document {
            requireOneSource(link, mediaId, upload);
            optional("caption", caption, WhatsAppLimits.MEDIA_CAPTION);
        }

        /** The form before uploads were added. */
        public Document(String link, String mediaId, String filename, String caption) {
            this(link, mediaId, filename, caption, null);
        }

        /** This document sent by the media id Meta gave for its upload. */
        public Document withMediaId(String uploadedMediaId) {
            return new Document(null, uploadedMediaId, filename, caption, null);
        }
    }

    /**
     * A file for the sender to upload to Meta ({@code POST /{phone-number-id}/media}) before sending: its bytes in
     * the record (at most {@link #MAX_INLINE_BYTES}), or an internal URL the sender fetches them from.
     *
     * @param sha256 hex digest of the bytes, checked after a fetch; may be null
     */
    record MediaUpload(String mimeType, byte[] bytes, String fetchUrl, String sha256) {
        /** Bytes inside a record stay well under Kafka's 1 MB default once base64-encoded. */
        public static final int MAX_INLINE_BYTES = 512 * 1024;

        public MediaUpload {
            required("upload mime type", mimeType, 255);
            boolean hasBytes = bytes != null && bytes.length > 0;
            if (hasBytes == (fetchUrl != null && !fetchUrl.isBlank())) {
                throw new WhatsAppLimits.ContentLimitExceeded("an upload needs exactly one of bytes or fetch URL");
            }
            if (hasBytes && bytes.length > MAX_INLINE_BYTES) {
                throw new WhatsAppLimits.ContentLimitExceeded("an upload carries at most " + MAX_INLINE_BYTES
                        + " bytes inside the record (" + bytes.length + " given): give a fetch URL instead");
            }
            bytes = hasBytes ? bytes.clone() : null;
        }

        @Override
        public byte[] bytes() {
            return bytes == null ? null : bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MediaUpload that && mimeType.equals(that.mimeType)
                    && java.util.Arrays.equals(bytes, that.bytes) && java.util.Objects.equals(fetchUrl, that.fetchUrl)
                    && java.util.Objects.equals(sha256, that.sha256);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(mimeType, java.util.Arrays.hashCode(bytes), fetchUrl, sha256);
        }

        @Override
        public String toString() {
            return "MediaUpload[" + mimeType + ", " + (bytes != null ? bytes.length + " bytes" : fetchUrl) + "]";
        }
    }

    record Image(String link, String mediaId, String caption) implements OutboundContent {
        public Image {
            requireOneSource(link, mediaId);
            optional("caption", caption, WhatsAppLimits.MEDIA_CAPTION);
        }
    }

    /** An approved message template with its parameters; the only form allowed outside the window. */
    record Template(String name, String language, List<TemplateComponent> components) implements OutboundContent {
        public Template {
            required("template name", name, 512);
            required("template language", language, 15);
            components = Immutables.list(components);
        }

        /** The number of parameters this command gives for one component type (header, body, button). */
        public int parameterCount(String componentType) {
            return components.stream().filter(c -> c.type().equalsIgnoreCase(componentType))
                    .mapToInt(c -> c.parameters().size()).sum();
        }
    }

    /**
     * @param type    {@code header}, {@code body} or {@code button}
     * @param subType for buttons: {@code quick_reply} or {@code url}
     * @param index   for buttons: the button's position in the template
     */
    record TemplateComponent(String type, String subType, Integer index, List<TemplateParameter> parameters) {
        public TemplateComponent {
            required("template component type", type, 20);
            parameters = Immutables.list(parameters);
        }
    }

    /**
     * One template parameter. {@code type} is Meta's: {@code text}, {@code currency}, {@code date_time},
     * {@code document}, {@code image} or {@code payload}; the fields that type needs are set.
     */
    record TemplateParameter(String type, String text, String payload, String link, String mediaId,
                             String filename, String currencyCode, Long amount1000, String fallbackValue,
                             MediaUpload upload) {
        public TemplateParameter {
            required("template parameter type", type, 20);
        }

        /** The form before uploads were added. */
        public TemplateParameter(String type, String text, String payload, String link, String mediaId,
                                 String filename, String currencyCode, Long amount1000, String fallbackValue) {
            this(type, text, payload, link, mediaId, filename, currencyCode, amount1000, fallbackValue, null);
        }

        /** A document header the sender uploads to Meta first (see {@link MediaUpload}). */
        public static TemplateParameter documentUpload(MediaUpload upload, String filename) {
            return new TemplateParameter("document", null, null, null, null, filename, null, null, null,
                    java.util.Objects.requireNonNull(upload, "upload"));
        }

        /** This media parameter sent by the media id Meta gave for its upload. */
        public TemplateParameter withMediaId(String uploadedMediaId) {
            return new TemplateParameter(type, text, payload, null, uploadedMediaId, filename, currencyCode,
                    amount1000, fallbackValue, null);
        }

        public static TemplateParameter text(String text) {
            return new TemplateParameter("text", text, null, null, null, null, null, null, null);
        }

        public static TemplateParameter payload(String payload) {
            return new TemplateParameter("payload", null, payload, null, null, null, null, null, null);
        }

        public static TemplateParameter document(String link, String filename) {
            return new TemplateParameter("document", null, null, link, null, filename, null, null, null);
        }
    }

    private static void requireOneSource(String link, String mediaId) {
        if ((link == null || link.isBlank()) == (mediaId == null || mediaId.isBlank())) {
            throw new WhatsAppLimits.ContentLimitExceeded("media needs exactly one of link or media id");
        }
    }

    private static void requireOneSource(String link, String mediaId, MediaUpload upload) {
        int sources = (link == null || link.isBlank() ? 0 : 1) + (mediaId == null || mediaId.isBlank() ? 0 : 1)
                + (upload == null ? 0 : 1);
        if (sources != 1) {
            throw new WhatsAppLimits.ContentLimitExceeded("a document needs exactly one of link, media id or upload");
        }
    }
}
