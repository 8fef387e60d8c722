package io.wabiz.sender.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.sender.graph.MetaErrors.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaErrorsTest {

    @ParameterizedTest(name = "HTTP {0} code {1} -> {2}")
    @CsvSource({
            "400, 130429, THROTTLED", "400, 80007, THROTTLED", "400, 4, THROTTLED", "429, 0, THROTTLED",
            "500, 1, TRANSIENT", "503, 2, TRANSIENT", "500, 131000, TRANSIENT", "502, 0, TRANSIENT",
            "400, 131056, PAIR_RATE_LIMITED",
            "400, 131026, PERMANENT", "400, 131047, PERMANENT", "400, 131051, PERMANENT", "400, 132000, PERMANENT",
            "400, 132016, PERMANENT", "400, 131048, PERMANENT", "400, 368, PERMANENT", "401, 190, PERMANENT",
            "400, 100, PERMANENT"})
    void classifiesMetasErrorCodes(int status, int code, Verdict expected) {
        assertThat(MetaErrors.classify(status, code)).isEqualTo(expected);
    }
}
