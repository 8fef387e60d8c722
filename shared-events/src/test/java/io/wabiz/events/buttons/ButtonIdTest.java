package io.wabiz.events.buttons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.events.buttons.ButtonId.InvalidButtonId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ButtonIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"order:42:confirm:v3", "invoice:118:pay:wave:v1", "menu:invoices:v1",
            "order:SO-2026.0042:details:v20261201T101503"})
    void printsExactlyWhatItParsed(String text) {
        assertThat(ButtonId.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void readsTheDesignsExamplesIntoTheirParts() {
        assertThat(ButtonId.parse("order:42:confirm:v3"))
                .isEqualTo(new ButtonId("order", "42", "confirm", null, "3"));
        assertThat(ButtonId.parse("invoice:118:pay:wave:v1"))
                .isEqualTo(new ButtonId("invoice", "118", "pay", "wave", "1"));
        assertThat(ButtonId.parse("menu:invoices:v1"))
                .isEqualTo(new ButtonId("menu", "invoices", null, null, "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "order:42", "order:42:confirm", "order:42:confirm:3", "order::confirm:v3",
            "order:42:confirm:v", "a:b:c:d:e:v1", "order:4 2:confirm:v1", "order:42:confirm:v1:"})
    void refusesWhatIsNotAPlatformButtonId(String text) {
        assertThatThrownBy(() -> ButtonId.parse(text)).isInstanceOf(InvalidButtonId.class);
        assertThat(ButtonId.tryParse(text)).isEmpty();
    }

    @Test
    void segmentsCannotHoldTheSeparator() {
        assertThatThrownBy(() -> ButtonId.of("order", "4:2", "confirm", "1"))
                .isInstanceOf(InvalidButtonId.class).hasMessageContaining("document id");
        assertThatThrownBy(() -> new ButtonId("invoice", "1", null, "wave", "1"))
                .isInstanceOf(InvalidButtonId.class).hasMessageContaining("needs an action");
    }

    @Test
    void refusesToPrintAnIdLongerThanWhereItGoes() {
        ButtonId id = ButtonId.of(ButtonId.ORDER, "x".repeat(130), "confirm", "1");
        assertThat(id.forListRow()).hasSize(147);
        assertThat(id.forReplyButton()).hasSize(147);
        assertThatThrownBy(id::forQuickReply).isInstanceOf(InvalidButtonId.class)
                .hasMessageContaining("template quick-reply payload has 147 characters; WhatsApp allows at most 128");
        ButtonId longer = ButtonId.of(ButtonId.ORDER, "x".repeat(190), "confirm", "1");
        assertThatThrownBy(longer::forListRow).isInstanceOf(InvalidButtonId.class).hasMessageContaining("200");
    }

    @Test
    void aNewVersionKeepsEverythingElse() {
        assertThat(ButtonId.parse("order:42:confirm:v3").withVersion("4").toString()).isEqualTo("order:42:confirm:v4");
    }
}
