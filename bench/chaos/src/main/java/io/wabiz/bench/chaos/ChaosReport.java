package io.wabiz.bench.chaos;

import java.util.Locale;

/** The run's table: workload counts, faults injected, each invariant with its violations, time to settle. */
final class ChaosReport {

    private static final int EVIDENCE_LINES = 12;

    private ChaosReport() {
    }

    static String table(ChaosRun.Outcome run) {
        StringBuilder out = new StringBuilder();
        ChaosSettings s = run.settings();
        out.append(String.format(Locale.ROOT, "== chaos run: %s mode, seed %d, %d s of workload, %d customers, "
                        + "stack healthy in %.1f s, load average %s at start, %s at the end%n", s.mode(), s.seed(),
                s.workload().toSeconds(), s.customers(), run.startup().toMillis() / 1000.0, run.loadBefore(),
                run.loadAfter()));
        out.append("\nWorkload\n");
        run.workload().forEach((what, count) -> out.append(String.format(Locale.ROOT, "  %-44s %6d%n", what, count)));
        out.append(String.format(Locale.ROOT, "%nFaults injected (%d planned, %d done)%n", run.plan().faults().size(),
                run.faults().size()));
        run.faults().forEach(fault -> out.append("  ").append(fault).append('\n'));
        run.recoveries().forEach(back -> out.append("    ").append(back).append('\n'));
        out.append(String.format(Locale.ROOT, "%nInvariants%-58s %8s %10s%n", "", "checked", "violations"));
        for (InvariantChecker.Result result : run.invariants()) {
            out.append(String.format(Locale.ROOT, "  %-28s %-38s %8d %10d%n", result.name(),
                    abbreviate(result.promise(), 38), result.checked(), result.violations().size()));
        }
        out.append(String.format(Locale.ROOT, "%nTime to settle: %d s after the workload (%s, quiet period %d s)%n",
                run.timeToSettle().toSeconds(), run.settled() ? "settled" : "NOT settled within "
                        + s.maxSettle().toSeconds() + " s of every service being back", s.quiet().toSeconds()));
        out.append(run.holds() ? "All invariants hold.\n" : "VIOLATIONS:\n");
        for (InvariantChecker.Result result : run.invariants()) {
            if (!result.holds()) {
                out.append("  ").append(result.name()).append(" (").append(result.violations().size())
                        .append("):\n");
                result.violations().stream().limit(EVIDENCE_LINES)
                        .forEach(v -> out.append("    - ").append(v).append('\n'));
                if (result.violations().size() > EVIDENCE_LINES) {
                    out.append("    ... ").append(result.violations().size() - EVIDENCE_LINES)
                            .append(" more in observations.json\n");
                }
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
