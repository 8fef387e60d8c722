package io.wabiz.reminders.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock: the system's, moved by an offset that only the local stack's admin endpoint sets (so that a
 * person sees a reminder due in ten days now). In production the offset stays zero: nothing can set it.
 */
public final class OffsetClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public OffsetClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private OffsetClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    public Duration offset() {
        return offset.get();
    }

    public void setOffset(Duration newOffset) {
        offset.set(newOffset == null ? Duration.ZERO : newOffset);
    }

    /** Moves the clock so that it reads {@code instant} now. */
    public void setNow(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
