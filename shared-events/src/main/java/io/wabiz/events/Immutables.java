package io.wabiz.events;

import java.util.List;

/** Defensive copies for record components, so that every record is deeply immutable. */
public final class Immutables {

    private Immutables() {
    }

    /** An unmodifiable copy; {@code null} becomes the empty list (JSON producers often omit empty arrays). */
    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
