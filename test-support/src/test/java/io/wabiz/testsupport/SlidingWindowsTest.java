package io.wabiz.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

    @Test
    void countsTheBusiestSecondStartingAtAnyTimeNotOnlyOnSecondBoundaries() {
        // 2 just before 1000 ms and 2 just after: the window [999, 1999) holds 4
        assertThat(SlidingWindows.maxInAnySecond(List.of(0L, 999L, 999L, 1001L, 1998L, 1999L))).isEqualTo(4);
    }

    @Test
    void aTimeExactlyOneSecondLaterFallsInTheNextWindow() {
        assertThat(SlidingWindows.maxInAnySecond(List.of(0L, 1000L, 2000L))).isEqualTo(1);
        assertThat(SlidingWindows.maxInAnySecond(List.of())).isZero();
    }
}
