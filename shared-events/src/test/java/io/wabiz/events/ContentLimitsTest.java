package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.ListRow;
import io.wabiz.events.outbound.OutboundContent.ListSection;
import io.wabiz.events.outbound.OutboundContent.ReplyButton;
import io.wabiz.events.outbound.WhatsAppLimits.ContentLimitExceeded;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;

/** WhatsApp's content limits fail when a command is built, with a reason a person understands. */
class ContentLimitsTest {

    @Test
    void rejectsAFourthReplyButton() {
        List<ReplyButton> four = IntStream.rangeClosed(1, 4).mapToObj(i -> new ReplyButton("b" + i, "Button " + i)).toList();

        assertThatThrownBy(() -> new OutboundContent.ReplyButtons(null, "Choose", null, four))
                .isInstanceOf(ContentLimitExceeded.class)
                .hasMessage("reply buttons has 4 entries; WhatsApp allows 1 to 3");
    }

    @Test
    void rejectsAButtonTitleOverTwentyCharacters() {
        assertThatThrownBy(() -> new ReplyButton("validate", "Valider la commande S01207"))
                .isInstanceOf(ContentLimitExceeded.class)
                .hasMessage("button title has 26 characters; WhatsApp allows at most 20");
    }

    @Test
    void countsCharactersNotUtf16UnitsSoEmojiTitlesFit() {
        assertThat(new ReplyButton("ok", "✅ Valider 👍👍👍👍👍👍👍👍👍").title()).hasSizeGreaterThan(20);
    }

    @Test
    void rejectsAnInteractiveBodyOver1024Characters() {
        assertThatThrownBy(() -> new OutboundContent.ReplyButtons(null, "x".repeat(1025), null,
                List.of(new ReplyButton("a", "A"))))
                .hasMessage("interactive body has 1025 characters; WhatsApp allows at most 1024");
    }

    @Test
    void rejectsElevenListRowsAcrossSections() {
        List<ListRow> six = IntStream.range(0, 6).mapToObj(i -> new ListRow("a" + i, "Row " + i, null)).toList();
        List<ListRow> five = IntStream.range(0, 5).mapToObj(i -> new ListRow("b" + i, "Row " + i, null)).toList();

        assertThatThrownBy(() -> new OutboundContent.ListMessage(null, "Menu", null, "Choisir",
                List.of(new ListSection("A", six), new ListSection("B", five))))
                .hasMessage("list rows has 11 entries; WhatsApp allows 1 to 10");
    }

    @Test
    void rejectsDuplicateButtonIds() {
        assertThatThrownBy(() -> new OutboundContent.ReplyButtons(null, "Choose", null,
                List.of(new ReplyButton("same", "A"), new ReplyButton("same", "B"))))
                .hasMessage("reply button ids must be unique");
    }

    @Test
    void documentNeedsExactlyOneOfLinkMediaIdOrUpload() {
        String oneSource = "a document needs exactly one of link, media id or upload";
        assertThatThrownBy(() -> new OutboundContent.Document(null, null, "f.pdf", null))
                .hasMessage(oneSource);
        assertThatThrownBy(() -> new OutboundContent.Document("https://x/f.pdf", "123", "f.pdf", null))
                .hasMessage(oneSource);
        OutboundContent.MediaUpload upload = new OutboundContent.MediaUpload("application/pdf", new byte[]{1}, null, null);
        assertThatThrownBy(() -> new OutboundContent.Document(null, "123", "f.pdf", null, upload))
                .hasMessage(oneSource);
        assertThat(new OutboundContent.Document(null, null, "f.pdf", null, upload).withMediaId("42"))
                .isEqualTo(new OutboundContent.Document(null, "42", "f.pdf", null));
    }

    @Test
    void uploadCarriesBytesOrAFetchUrlAndInlineBytesHaveACap() {
        assertThatThrownBy(() -> new OutboundContent.MediaUpload("application/pdf", null, null, null))
                .hasMessage("an upload needs exactly one of bytes or fetch URL");
        assertThatThrownBy(() -> new OutboundContent.MediaUpload("application/pdf", new byte[]{1}, "http://x/f", null))
                .hasMessage("an upload needs exactly one of bytes or fetch URL");
        assertThatThrownBy(() -> new OutboundContent.MediaUpload("application/pdf",
                new byte[OutboundContent.MediaUpload.MAX_INLINE_BYTES + 1], null, null))
                .hasMessageContaining("give a fetch URL instead");
        assertThat(new OutboundContent.MediaUpload("application/pdf", null, "http://notifier/documents/t", null)
                .fetchUrl()).isEqualTo("http://notifier/documents/t");
    }

    @Test
    void aCommandReadFromJsonIsCheckedToo() {
        String fourButtons = "{\"kind\":\"reply_buttons\",\"body\":\"b\",\"buttons\":[{\"id\":\"1\",\"title\":\"a\"},"
                + "{\"id\":\"2\",\"title\":\"b\"},{\"id\":\"3\",\"title\":\"c\"},{\"id\":\"4\",\"title\":\"d\"}]}";

        assertThatThrownBy(() -> EventJson.fromJson(fourButtons, OutboundContent.class))
                .isInstanceOf(DatabindException.class)
                .hasRootCauseInstanceOf(ContentLimitExceeded.class)
                .rootCause().hasMessage("reply buttons has 4 entries; WhatsApp allows 1 to 3");
    }

    @Test
    void templateCountsItsParametersPerComponent() {
        OutboundContent.Template template = new OutboundContent.Template("order_created", "fr", List.of(
                new OutboundContent.TemplateComponent("body", null, null, List.of(
                        OutboundContent.TemplateParameter.text("S01207"), OutboundContent.TemplateParameter.text("295 000 XOF"))),
                new OutboundContent.TemplateComponent("button", "quick_reply", 0, List.of(
                        OutboundContent.TemplateParameter.payload("order:1207:validate")))));

        assertThat(template.parameterCount("body")).isEqualTo(2);
        assertThat(template.parameterCount("BUTTON")).isEqualTo(1);
        assertThat(template.parameterCount("header")).isZero();
        assertThat(template.isFreeForm()).isFalse();
    }
}
