package io.wabiz.odoo.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Odoo posts a change more than once (the recorded 17.0 server: three identical posts): the first one of a
 * (model, id, write date) within the window is read, the others only answered.
 */
final class WebhookDedup {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Duration window;
    private final Clock clock;

    WebhookDedup(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** True for the first post of {@code key} within the window. */
    boolean first(String key) {
        Instant now = clock.instant();
        if (seen.size() > 10_000) {
            seen.values().removeIf(at -> at.isBefore(now.minus(window)));
        }
        Instant before = seen.putIfAbsent(key, now);
        if (before == null) {
            return true;
        }
        if (before.isBefore(now.minus(window))) {
            seen.put(key, now);
            return true;
        }
        return false;
    }
}
