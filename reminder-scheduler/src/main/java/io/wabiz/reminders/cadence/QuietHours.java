package io.wabiz.reminders.cadence;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Local hours in which no reminder is sent, such as 21:00 to 08:00 (the span may cross midnight).
 * {@code from} is inclusive, {@code until} exclusive; equal times mean no quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    public boolean contains(LocalTime time) {
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until)
                ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }

    @Override
    public String toString() {
        return from.equals(until) ? "none" : from + "-" + until;
    }
}
