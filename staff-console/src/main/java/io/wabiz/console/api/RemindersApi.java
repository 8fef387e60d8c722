package io.wabiz.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * reminder-scheduler's admin API (role admin): a company's plan of a day as a dry run (who gets which reminder,
 * who does not and why), the recent runs, and pauses per invoice or partner. Ids travel as query parameters
 * (ERP ids contain slashes).
 */
public class RemindersApi {

    private static final ParameterizedTypeReference<List<Run>> RUNS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Pause>> PAUSES = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public RemindersApi(RestClient http) {
        this.http = http;
    }

    /** The plan of {@code day} (null: the company's today), with at most {@code limit} reminders and stops. */
    public Plan plan(String company, LocalDate day, int limit) {
        return http.get().uri(b -> QueryUris.of(b.path("/admin/plan"), Map.of("company", company,
                "day", day == null ? "" : day.toString(), "limit", Integer.toString(limit)))).retrieve().body(Plan.class);
    }

    /** The newest runs first; {@code company} null: every company's. */
    public List<Run> runs(String company, int limit) {
        return http.get().uri(b -> QueryUris.of(b.path("/admin/runs"), Map.of("company", company == null ? "" : company,
                "limit", Integer.toString(limit)))).retrieve().body(RUNS);
    }

    public List<Pause> pauses() {
        return http.get().uri("/admin/pauses").retrieve().body(PAUSES);
    }

    /** Pauses the reminders of one invoice or of every invoice of one partner; the service names the admin. */
    public Pause pause(Target target, String id, String note) {
        return http.put().uri(b -> QueryUris.of(b.path("/admin/pauses"), Map.of(target.parameter(), id)))
                .body(new PauseRequest(note)).retrieve().body(Pause.class);
    }

    /** Resumes them; 404 when there was no such pause. */
    public void resume(Target target, String id) {
        http.delete().uri(b -> QueryUris.of(b.path("/admin/pauses"), Map.of(target.parameter(), id))).retrieve()
                .toBodilessEntity();
    }

    /** What a pause is for, as the API names it. */
    public enum Target {
        INVOICE("invoiceId"), PARTNER("partnerId");

        private final String parameter;

        Target(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    public record PauseRequest(String note) {
    }

    public record Pause(Target target, String id, String by, Instant at, String note) {
    }

    /** One reminder the run would send: its invoice, the dunning level (days from the due date) and template. */
    public record PlannedReminder(String invoiceId, String number, String partnerId, int level, long daysOverdue,
                                  List<Integer> superseded, String template, String language) {
    }

    /** A reminder the run would not send, and why ({@code reason} code and its explanation). */
    public record Stop(String invoiceId, String number, String partnerId, LocalDate dueDate, Integer level,
                       String reason, String explanation) {
    }

    public record Plan(String company, LocalDate day, int examined, int planned, int stopped, int waiting,
                       int finished, Map<String, Long> stoppedByReason, Map<String, Long> plannedByLevel,
                       List<PlannedReminder> reminders, List<Stop> stops, long tookMillis, Instant nextRun) {

        public Plan {
            reminders = reminders == null ? List.of() : List.copyOf(reminders);
            stops = stops == null ? List.of() : List.copyOf(stops);
            stoppedByReason = stoppedByReason == null ? Map.of() : stoppedByReason;
            plannedByLevel = plannedByLevel == null ? Map.of() : plannedByLevel;
        }
    }

    public record Counts(int examined, int planned, int published, int republished, int alreadyDone, int stopped,
                         int superseded, int changed) {
    }

    /** One company's run of one day: RUNNING, COMPLETED, INTERRUPTED or FAILED; triggered by SCHEDULE or ADMIN. */
    public record Run(String company, LocalDate day, String status, int attempts, Instant startedAt,
                      Instant completedAt, String replica, String trigger, Counts counts, String note) {
    }
}
