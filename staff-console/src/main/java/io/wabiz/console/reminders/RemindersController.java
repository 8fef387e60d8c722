package io.wabiz.console.reminders;

import io.wabiz.console.api.RemindersApi;
import io.wabiz.console.api.RemindersApi.Pause;
import io.wabiz.console.api.RemindersApi.Plan;
import io.wabiz.console.api.RemindersApi.Run;
import io.wabiz.console.api.RemindersApi.Target;
import io.wabiz.console.api.ServiceProblem;
import io.wabiz.console.web.Formats;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reminders of the day (admin) over reminder-scheduler's admin API: a company's plan as its dry run (who gets
 * which reminder, who does not and why), the recent runs, and the pauses per partner or invoice. Pausing and
 * resuming are asked twice (a confirmation page, so it works without script); the service's refusals are shown
 * as it said them.
 */
@Controller
public class RemindersController {

    static final int PLAN_ROWS = 100;
    static final int RUNS = 20;

    private final ObjectProvider<RemindersApi> reminders;
    private final Formats formats;

    public RemindersController(ObjectProvider<RemindersApi> reminders, Formats formats) {
        this.reminders = reminders;
        this.formats = formats;
    }

    /** @param company the ERP company whose plan is shown; by default the one of the latest run */
    @GetMapping("/automation/reminders")
    public String reminders(@RequestParam(required = false) String company,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                            Model model) {
        RemindersApi api = api();
        List<RunRow> runs = api.runs(null, RUNS).stream().map(this::row).toList();
        Set<String> companies = new LinkedHashSet<>();
        runs.forEach(r -> companies.add(r.company()));
        String chosen = company != null && !company.isBlank() ? company.strip()
                : companies.stream().findFirst().orElse(null);
        model.addAttribute("company", chosen);
        model.addAttribute("day", day);
        model.addAttribute("companies", companies);
        model.addAttribute("runs", runs);
        model.addAttribute("pauses", api.pauses().stream().map(this::row).toList());
        if (chosen != null) {
            try {
                Plan plan = api.plan(chosen, day, PLAN_ROWS);
                model.addAttribute("plan", plan);
                model.addAttribute("nextRun", formats.when(plan.nextRun()));
                model.addAttribute("planDay", plan.day() == null ? "" : formats.day(plan.day()));
            } catch (ServiceProblem refused) {
                if (refused.status() >= 500 || refused.forbidden()) {
                    throw refused;
                }
                model.addAttribute("planProblem", refused); // a company or day the service does not take
            }
        }
        return "reminders";
    }

    /** "Pause the reminders of ...?": nothing is changed until the person confirms. */
    @GetMapping("/automation/reminders/pause")
    public String confirmPause(@RequestParam Target target, @RequestParam(defaultValue = "") String id,
                               @RequestParam(required = false) String note, @RequestParam(required = false) String company,
                               Model model, RedirectAttributes redirect) {
        if (id.isBlank()) {
            redirect.addFlashAttribute("missingId", target);
            return back(company);
        }
        return confirmation("pause", target, id.strip(), note, company, model);
    }

    @PostMapping("/automation/reminders/pause")
    public String pause(@RequestParam Target target, @RequestParam String id,
                        @RequestParam(required = false) String note, @RequestParam(required = false) String company,
                        RedirectAttributes redirect) {
        try {
            Pause paused = api().pause(target, id, note == null || note.isBlank() ? null : note.strip());
            redirect.addFlashAttribute("done", new Done("paused", paused.target(), paused.id()));
        } catch (ServiceProblem refused) {
            refusedWith(refused, redirect);
        }
        return back(company);
    }

    @GetMapping("/automation/reminders/resume")
    public String confirmResume(@RequestParam Target target, @RequestParam String id,
                                @RequestParam(required = false) String company, Model model) {
        return confirmation("resume", target, id, null, company, model);
    }

    @PostMapping("/automation/reminders/resume")
    public String resume(@RequestParam Target target, @RequestParam String id,
                         @RequestParam(required = false) String company, RedirectAttributes redirect) {
        try {
            api().resume(target, id);
            redirect.addFlashAttribute("done", new Done("resumed", target, id));
        } catch (ServiceProblem refused) {
            refusedWith(refused, redirect);
        }
        return back(company);
    }

    private String confirmation(String action, Target target, String id, String note, String company, Model model) {
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        model.addAttribute("id", id);
        model.addAttribute("note", note);
        model.addAttribute("company", company);
        return "reminders-confirm";
    }

    /** A refusal (400, 404, 409) comes back to the screen as a message; the service's failures as the error page. */
    private static void refusedWith(ServiceProblem refused, RedirectAttributes redirect) {
        if (refused.status() >= 500 || refused.forbidden()) {
            throw refused;
        }
        redirect.addFlashAttribute("problem", refused);
    }

    private static String back(String company) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/automation/reminders");
        if (company != null && !company.isBlank()) {
            uri.queryParam("company", company);
        }
        return "redirect:" + uri.encode().build().toUriString();
    }

    private RemindersApi api() {
        return ServiceProblem.connected(reminders.getIfAvailable(), "reminder-scheduler", "console.services.reminders");
    }

    private RunRow row(Run run) {
        return new RunRow(run.company(), run.day() == null ? "" : formats.day(run.day()), run.status(), run.attempts(),
                formats.when(run.startedAt()), formats.when(run.completedAt()), run.replica(), run.trigger(),
                run.counts(), run.note());
    }

    private PauseRow row(Pause pause) {
        return new PauseRow(pause.target(), pause.id(), pause.by(), formats.when(pause.at()), pause.note());
    }

    /** What was just done, for the screen's confirmation message ({@code paused} or {@code resumed}). */
    public record Done(String what, Target target, String id) {
    }

    public record RunRow(String company, String day, String status, int attempts, String started, String completed,
                         String replica, String trigger, RemindersApi.Counts counts, String note) {
    }

    public record PauseRow(Target target, String id, String by, String since, String note) {
    }
}
