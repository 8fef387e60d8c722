package io.wabiz.simulator.faults;

import java.util.Optional;

/** The Graph fault in force, if any; each send it hits counts down its {@code remaining}. */
public final class GraphFaults {

    private GraphFault current;
    private int hits;

    public synchronized void set(GraphFault fault) {
        current = fault;
        hits = 0;
    }

    public synchronized void clear() {
        current = null;
    }

    public synchronized Optional<GraphFault> current() {
        return Optional.ofNullable(current);
    }

    /** How many sends the current (or last) fault hit. */
    public synchronized int hits() {
        return hits;
    }

    /** The fault this send meets, counted; empty when none is in force. */
    public synchronized Optional<GraphFault> take() {
        if (current == null) {
            return Optional.empty();
        }
        GraphFault fault = current;
        hits++;
        if (fault.remaining() != null && hits >= fault.remaining()) {
            current = null;
        }
        return Optional.of(fault);
    }
}
