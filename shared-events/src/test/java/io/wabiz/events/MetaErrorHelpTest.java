package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.whatsapp.MetaErrorHelp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaErrorHelpTest {

    @ParameterizedTest
    @CsvSource({"131047, template", "190, token", "368, resume", "132001, template", "132015, template",
            "131026, WhatsApp", "131050, marketing", "130429, throttled"})
    void errorsSayWhatToDo(int code, String advice) {
        assertThat(MetaErrorHelp.helpText(code)).containsIgnoringCase(advice);
    }

    @Test
    void unknownCodesGetGeneralAdviceAndNoKnownHelp() {
        assertThat(MetaErrorHelp.known(999_999)).isEmpty();
        assertThat(MetaErrorHelp.helpText(999_999)).contains("see the reason");
        assertThat(MetaErrorHelp.title(999_999, "fallback")).isEqualTo("fallback");
        assertThat(MetaErrorHelp.title(131047, null)).isEqualTo("Re-engagement message");
    }
}
