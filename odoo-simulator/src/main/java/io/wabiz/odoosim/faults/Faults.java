package io.wabiz.odoosim.faults;

import java.util.Optional;

/** The fault in force, if any; each call it hits counts down its {@code remaining}. */
public final class Faults {

    private Fault current;
    private int hits;

    public synchronized void set(Fault fault) {
        current = fault;
        hits = 0;
    }

    public synchronized void clear() {
        current = null;
    }

    public synchronized Optional<Fault> current() {
        return Optional.ofNullable(current);
    }

    /** How many calls the current (or last) fault hit. */
    public synchronized int hits() {
        return hits;
    }

    /** The fault this call meets, counted; empty when none applies. */
    public synchronized Optional<Fault> take(String method, String model) {
        if (current == null || !current.applies(method, model)) {
            return Optional.empty();
        }
        Fault fault = current;
        hits++;
        if (fault.remaining() != null && hits >= fault.remaining()) {
            current = null;
        }
        return Optional.of(fault);
    }
}
