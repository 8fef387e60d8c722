package io.wabiz.reminders.admin;

import io.wabiz.reminders.clock.OffsetClock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the service's clock, so that a person running the local stack sees a reminder due in ten days now:
 * {@code PUT /admin/clock {"offset":"P10D"}} or {@code {"now":"2026-04-11T08:05:00Z"}}. The bean exists only when
 * {@code reminders.clock.adjustable} is true (the local profile); in production the endpoint is not there (404).
 */
@RestController
@ConditionalOnProperty(name = "reminders.clock.adjustable", havingValue = "true")
@RequestMapping("/admin/clock")
public class ClockController {

    private final OffsetClock clock;

    public ClockController(OffsetClock clock) {
        this.clock = clock;
    }

    public record ClockView(Instant now, Duration offset) {
    }

    /** Exactly one of the two. */
    public record ClockChange(Duration offset, Instant now) {
    }

    @GetMapping
    public ClockView read() {
        return new ClockView(clock.instant(), clock.offset());
    }

    @PutMapping
    public ClockView move(@RequestBody ClockChange change) {
        if ((change.offset() == null) == (change.now() == null)) {
            throw new IllegalArgumentException("give exactly one of offset (such as P10D) and now (an instant)");
        }
        if (change.offset() != null) {
            clock.setOffset(change.offset());
        } else {
            clock.setNow(change.now());
        }
        return read();
    }
}
