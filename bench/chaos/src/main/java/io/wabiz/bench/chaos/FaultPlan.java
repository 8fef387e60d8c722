package io.wabiz.bench.chaos;

import io.wabiz.localstack.services.StackService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The seeded fault schedule of a run, printed at the start so that a run can be replayed with its seed: kill -9 and
 * restart of each service in turn, SIGSTOP/SIGCONT of the broker and of a service, Meta throttling, failing and
 * stalling past the sender's timeout, Odoo behind a dead proxy, dropping connections and answering late (after its
 * work was committed), and a restart of every service at once.
 */
public record FaultPlan(List<Fault> faults) {

    public enum Kind {
        /** kill -9 of the service, restarted a moment later */
        KILL,
        /** SIGSTOP, SIGCONT after {@code lasting} */
        PAUSE,
        /** the Meta simulator's fault ({@code detail}: THROTTLE, SERVER_ERROR, STALL) for {@code lasting} */
        META,
        /** the Odoo stand-in's fault ({@code detail}: BAD_GATEWAY, DROP_CONNECTION, SLOW) for {@code lasting} */
        ODOO,
        /** kill -9 of every platform service at once, then all restarted */
        KILL_ALL
    }

    /** @param target a service module, {@code kafka}, {@code meta}, {@code odoo} or {@code platform} */
    public record Fault(Duration at, Kind kind, String target, Duration lasting, String detail) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "t+%3ds  %-8s %-22s %s", at.toSeconds(), kind, target,
                    (lasting.isZero() ? "" : "for " + lasting.toSeconds() + " s ") + (detail == null ? "" : detail));
        }
    }

    /** The platform's services, the ones a fault may hit (the simulators are the outside world, the observers). */
    public static final List<StackService> PLATFORM = List.of(StackService.WEBHOOK_INGRESS,
            StackService.OUTBOUND_SENDER, StackService.CONVERSATION_SERVICE, StackService.BILLING_NOTIFIER,
            StackService.SCENARIO_ENGINE, StackService.REMINDER_SCHEDULER, StackService.ODOO_CONNECTOR);

    /**
     * @param stallDelay how long a stalled Meta answer waits: past the sender's request timeout
     */
    public static FaultPlan seeded(long seed, Duration workload, boolean shortPlan, Duration stallDelay) {
        Random random = new Random(seed);
        List<Fault> kinds = new ArrayList<>();
        if (shortPlan) {
            // the kills last: a restart on a busy machine takes up to a minute, and the other faults need the
            // services up to hit anything
            // Odoo first, the stall once the first orders' messages are on their way (it hits sends only)
            kinds.add(new Fault(Duration.ZERO, Kind.ODOO, "odoo", seconds(random, 6, 8), "BAD_GATEWAY"));
            kinds.add(new Fault(Duration.ZERO, Kind.META, "meta", seconds(random, 14, 16), "STALL " + stallDelay.toSeconds() + "s"));
            kinds.add(new Fault(Duration.ZERO, Kind.PAUSE, "kafka", seconds(random, 6, 8), null));
            kinds.add(kill(StackService.BILLING_NOTIFIER));
            kinds.add(kill(StackService.OUTBOUND_SENDER));
        } else {
            List<StackService> inTurn = new ArrayList<>(PLATFORM);
            Collections.shuffle(inTurn, random);
            inTurn.forEach(service -> kinds.add(kill(service)));
            kinds.add(new Fault(Duration.ZERO, Kind.PAUSE, "kafka", seconds(random, 8, 14), null));
            StackService paused = PLATFORM.get(random.nextInt(PLATFORM.size()));
            kinds.add(new Fault(Duration.ZERO, Kind.PAUSE, paused.module(), seconds(random, 6, 12), null));
            kinds.add(new Fault(Duration.ZERO, Kind.META, "meta", seconds(random, 6, 10), "THROTTLE"));
            kinds.add(new Fault(Duration.ZERO, Kind.META, "meta", seconds(random, 4, 8), "SERVER_ERROR"));
            kinds.add(new Fault(Duration.ZERO, Kind.META, "meta", seconds(random, 8, 12), "STALL " + stallDelay.toSeconds() + "s"));
            kinds.add(new Fault(Duration.ZERO, Kind.ODOO, "odoo", seconds(random, 10, 20), "BAD_GATEWAY"));
            kinds.add(new Fault(Duration.ZERO, Kind.ODOO, "odoo", seconds(random, 6, 10), "DROP_CONNECTION"));
            kinds.add(new Fault(Duration.ZERO, Kind.ODOO, "odoo", seconds(random, 8, 12), "SLOW afterWork 12s"));
            kinds.add(new Fault(Duration.ZERO, Kind.KILL_ALL, "platform", Duration.ZERO, null));
            Collections.shuffle(kinds, random);
        }
        // spread over the workload, leaving a warm-up before the first and some time after the last
        long start = Math.max(8, workload.toSeconds() / 12);
        long end = workload.toSeconds() - Math.max(8, workload.toSeconds() / 12);
        long spacing = Math.max(1, (end - start) / kinds.size());
        List<Fault> timed = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            Fault fault = kinds.get(i);
            long jitter = spacing > 4 ? random.nextInt((int) (spacing / 4)) : 0;
            timed.add(new Fault(Duration.ofSeconds(start + i * spacing + jitter), fault.kind(), fault.target(),
                    fault.lasting(), fault.detail()));
        }
        return new FaultPlan(timed);
    }

    private static Fault kill(StackService service) {
        return new Fault(Duration.ZERO, Kind.KILL, service.module(), Duration.ZERO, null);
    }

    private static Duration seconds(Random random, int min, int max) {
        return Duration.ofSeconds(min + random.nextInt(max - min + 1));
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        faults.forEach(fault -> text.append("  ").append(fault).append('\n'));
        return text.toString();
    }
}
