package io.wabiz.testsupport;

import java.util.List;

/** Measures of request times against a per-second rate limit, as tests and benchmarks check it. */
public final class SlidingWindows {

    private SlidingWindows() {
    }

    /** The most times in any window {@code [t, t + 1000 ms)}, {@code t} being any of the times (sorted, in ms). */
    public static int maxInAnySecond(List<Long> sortedMillis) {
        int max = 0;
        int end = 0;
        for (int start = 0; start < sortedMillis.size(); start++) {
            while (end < sortedMillis.size() && sortedMillis.get(end) < sortedMillis.get(start) + 1000) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }
}
