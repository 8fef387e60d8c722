package io.wabiz.reminders.admin;

import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.reminders.invoices.InvoiceProjection;
import io.wabiz.reminders.invoices.OpenInvoice;
import io.wabiz.reminders.log.ReminderEntry;
import io.wabiz.reminders.log.ReminderLog;
import io.wabiz.reminders.log.ReminderStatus;
import io.wabiz.reminders.log.SkipLog;
import io.wabiz.reminders.partners.PartnerProjection;
import io.wabiz.reminders.pauses.Pauses;
import io.wabiz.reminders.run.DailyRuns;
import io.wabiz.reminders.run.ReminderPlanner;
import io.wabiz.reminders.run.ReminderRun;
import io.wabiz.reminders.run.RunLock;
import io.wabiz.reminders.run.RunPlan;
import io.wabiz.reminders.run.RunRegistry;
import io.wabiz.reminders.run.StopReason;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin API (role ADMIN): a day's plan as a dry run, a company's run now, pauses per invoice or partner, the
 * reminder log and the runs. Ids travel as query parameters, since ERP ids contain slashes
 * ({@code account.move/5531}).
 */
@RestController
@RequestMapping("/admin")
public class AdminController {

    private static final int MAX_LIMIT = 5000;

    private final ReminderPlanner planner;
    private final DailyRuns runs;
    private final RunLock lock;
    private final RunRegistry registry;
    private final Pauses pauses;
    private final ReminderLog reminderLog;
    private final SkipLog skipLog;
    private final InvoiceProjection invoices;
    private final PartnerProjection partners;

    public AdminController(ReminderPlanner planner, DailyRuns runs, RunLock lock, RunRegistry registry, Pauses pauses,
                           ReminderLog reminderLog, SkipLog skipLog, InvoiceProjection invoices,
                           PartnerProjection partners) {
        this.planner = planner;
        this.runs = runs;
        this.lock = lock;
        this.registry = registry;
        this.pauses = pauses;
        this.reminderLog = reminderLog;
        this.skipLog = skipLog;
        this.invoices = invoices;
        this.partners = partners;
    }

    /** The plan as a dry run: counts, then up to {@code limit} reminders and stops. Sends nothing, writes nothing. */
    public record PlanView(String company, LocalDate day, int examined, int planned, int stopped, int waiting,
                           int finished, Map<String, Long> stoppedByReason, Map<String, Long> plannedByLevel,
                           List<RunPlan.PlannedReminder> reminders, List<StopView> stops, long tookMillis,
                           Instant nextRun) {
    }

    public record StopView(String invoiceId, String number, String partnerId, LocalDate dueDate, Integer level,
                           String reason, String explanation) {
    }

    @GetMapping("/plan")
    public PlanView plan(@RequestParam String company, @RequestParam(required = false) LocalDate day,
                         @RequestParam(defaultValue = "100") int limit) {
        RunPlan plan = planner.plan(company, day != null ? day : runs.today(company));
        int shown = limit(limit);
        return new PlanView(plan.company(), plan.day(), plan.examined(), plan.reminders().size(), plan.stops().size(),
                plan.waiting(), plan.finished(),
                new TreeMap<>(plan.stops().stream().collect(Collectors.groupingBy(s -> s.reason().code(),
                        Collectors.counting()))),
                new TreeMap<>(plan.reminders().stream().collect(Collectors.groupingBy(
                        r -> io.wabiz.reminders.cadence.DunningLevel.code(r.level()), Collectors.counting()))),
                plan.reminders().stream().limit(shown).toList(),
                plan.stops().stream().limit(shown).map(AdminController::view).toList(), plan.took().toMillis(),
                runs.nextRun(company).orElse(null));
    }

    /** Runs one company now (its current local day), under the same lock as the schedule. */
    @PostMapping("/runs")
    public ReminderRun.Outcome runNow(@RequestParam String company) {
        return lock.tryRun(heartbeat -> runs.runNow(company, heartbeat)).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.CONFLICT, "a reminder run is in progress (on this or another"
                        + " replica); try again when it has finished"));
    }

    @GetMapping("/runs")
    public List<RunRegistry.RunRecord> runs(@RequestParam(required = false) String company,
                                            @RequestParam(defaultValue = "50") int limit) {
        return registry.recent(company, limit(limit));
    }

    /** An invoice's reminders: what was sent per level, what was stopped and why, its pause, its state here. */
    public record InvoiceReminders(String invoiceId, OpenInvoice invoice, List<ReminderEntry> reminders,
                                   List<SkipLog.Skip> stopped, Pauses.Pause pause) {
    }

    @GetMapping(value = "/log", params = "invoiceId")
    public InvoiceReminders invoiceLog(@RequestParam String invoiceId) {
        return new InvoiceReminders(invoiceId, invoices.byId(invoiceId).orElse(null), reminderLog.byInvoice(invoiceId),
                skipLog.byInvoice(invoiceId), pauses.find(Pauses.Target.INVOICE, invoiceId).orElse(null));
    }

    @GetMapping(value = "/log", params = "partnerId")
    public List<ReminderEntry> partnerLog(@RequestParam String partnerId,
                                          @RequestParam(defaultValue = "200") int limit) {
        return reminderLog.byPartner(partnerId, limit(limit));
    }

    @GetMapping(value = "/log", params = "company")
    public List<ReminderEntry> companyLog(@RequestParam String company,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant until,
                                          @RequestParam(required = false) ReminderStatus status,
                                          @RequestParam(defaultValue = "200") int limit) {
        return reminderLog.byCompany(company, from, until, status, limit(limit));
    }

    public record PauseRequest(String note) {
    }

    @PutMapping("/pauses")
    public Pauses.Pause pause(@RequestParam(required = false) String invoiceId,
                              @RequestParam(required = false) String partnerId,
                              @RequestBody(required = false) PauseRequest request, Principal admin) {
        Target target = target(invoiceId, partnerId);
        return pauses.pause(target.type(), target.id(), admin == null ? null : admin.getName(),
                request == null ? null : request.note());
    }

    @DeleteMapping("/pauses")
    public ResponseEntity<Void> resume(@RequestParam(required = false) String invoiceId,
                                       @RequestParam(required = false) String partnerId) {
        Target target = target(invoiceId, partnerId);
        if (!pauses.resume(target.type(), target.id())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no pause for " + target.type().name()
                    .toLowerCase() + " " + target.id());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/pauses")
    public List<Pauses.Pause> pauses() {
        return pauses.all();
    }

    /** A partner as this service knows it (its numbers read once, the invalid ones kept to explain a skip). */
    @GetMapping("/partners")
    public PartnerContact partner(@RequestParam String partnerId) {
        return partners.byId(partnerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "the ERP has not published partner " + partnerId));
    }

    /** The stop reasons and what they mean. */
    @GetMapping("/stop-reasons")
    public Map<String, String> stopReasons() {
        Map<String, String> reasons = new TreeMap<>();
        for (StopReason reason : StopReason.values()) {
            reasons.put(reason.code(), reason.explanation());
        }
        return reasons;
    }

    private record Target(Pauses.Target type, String id) {
    }

    private static Target target(String invoiceId, String partnerId) {
        boolean invoice = invoiceId != null && !invoiceId.isBlank();
        boolean partner = partnerId != null && !partnerId.isBlank();
        if (invoice == partner) {
            throw new IllegalArgumentException("give exactly one of invoiceId and partnerId");
        }
        return invoice ? new Target(Pauses.Target.INVOICE, invoiceId) : new Target(Pauses.Target.PARTNER, partnerId);
    }

    private static StopView view(RunPlan.PlannedStop stop) {
        return new StopView(stop.invoiceId(), stop.number(), stop.partnerId(), stop.dueDate(), stop.level(),
                stop.reason().code(), stop.reason().explanation());
    }

    private static int limit(int requested) {
        if (requested < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return Math.min(requested, MAX_LIMIT);
    }

}
