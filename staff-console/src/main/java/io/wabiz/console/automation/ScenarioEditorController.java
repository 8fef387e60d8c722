package io.wabiz.console.automation;

import io.wabiz.console.api.ScenariosApi;
import io.wabiz.console.api.ScenariosApi.Definition;
import io.wabiz.console.api.ScenariosApi.DryRunRequest;
import io.wabiz.console.api.ScenariosApi.Report;
import io.wabiz.console.api.ServiceProblem;
import io.wabiz.console.web.Formats;
import io.wabiz.events.phone.PhoneNumbers;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The button-action and scenario editor over scenario-engine's admin API: the definitions with their version and
 * state, one definition as JSON to validate (WhatsApp's limits, missing translations) and save as a new version
 * (refused when someone saved meanwhile), its versions to restore, enable and disable; and the dry run of a tap
 * or a text for a customer, which shows what would run and be published without doing it.
 */
@Controller
public class ScenarioEditorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<ScenariosApi> scenarios;
    private final PhoneNumbers phoneNumbers;
    private final Formats formats;

    public ScenarioEditorController(ObjectProvider<ScenariosApi> scenarios, PhoneNumbers phoneNumbers, Formats formats) {
        this.scenarios = scenarios;
        this.phoneNumbers = phoneNumbers;
        this.formats = formats;
    }

    @GetMapping("/automation/{kind:actions|scenarios}")
    public String list(@PathVariable String kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("definitions", api().list(kind).stream().map(this::row).toList());
        return "scenarios";
    }

    @GetMapping("/automation/{kind:actions|scenarios}/{id}")
    public String edit(@PathVariable String kind, @PathVariable String id, Model model) {
        Definition current = api().current(kind, id);
        return editor(kind, id, pretty(current.definition()), current.version(), null, model);
    }

    @GetMapping("/automation/{kind:actions|scenarios}/new")
    public String blank(@PathVariable String kind, Model model) {
        return editor(kind, null, "{\n  \"id\": \"\"\n}", 0, null, model);
    }

    @PostMapping("/automation/{kind:actions|scenarios}/validate")
    public String validate(@PathVariable String kind, @RequestParam(required = false) String id,
                           @RequestParam String json, @RequestParam(defaultValue = "0") int version, Model model) {
        return editor(kind, blankToNull(id), json, version, api().validate(kind, json), model);
    }

    /** Saves a new version (or the first), after the engine validated it; refusals come back into the editor. */
    @PostMapping("/automation/{kind:actions|scenarios}/save")
    public String save(@PathVariable String kind, @RequestParam(required = false) String id, @RequestParam String json,
                       @RequestParam(defaultValue = "0") int version, @RequestParam(required = false) String comment,
                       Model model, RedirectAttributes redirect) {
        Report report = api().validate(kind, json);
        if (!report.valid()) {
            return editor(kind, blankToNull(id), json, version, report, model);
        }
        try {
            Definition saved = blankToNull(id) == null ? api().create(kind, json, comment)
                    : api().update(kind, id, json, version, comment);
            redirect.addFlashAttribute("saved", saved);
            return "redirect:/automation/" + kind + "/" + saved.id();
        } catch (ServiceProblem refused) {
            model.addAttribute("problem", refused);
            return editor(kind, blankToNull(id), json, version, report, model);
        }
    }

    @PostMapping("/automation/{kind:actions|scenarios}/{id}/versions/{version}/restore")
    public String restore(@PathVariable String kind, @PathVariable String id, @PathVariable int version,
                          RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", api().restore(kind, id, version));
        return "redirect:/automation/" + kind + "/" + id;
    }

    @PostMapping("/automation/{kind:actions|scenarios}/{id}/{change:enable|disable}")
    public String enable(@PathVariable String kind, @PathVariable String id, @PathVariable String change) {
        api().enable(kind, id, "enable".equals(change));
        return "redirect:/automation/" + kind;
    }

    @GetMapping("/automation/dry-run")
    public String dryRunForm(Model model) {
        model.addAttribute("request", new DryRunRequest(null, null, null, null));
        return "dry-run";
    }

    @PostMapping("/automation/dry-run")
    public String dryRun(@RequestParam String businessPhoneNumberId, @RequestParam String customer,
                         @RequestParam(required = false) String buttonId, @RequestParam(required = false) String text,
                         Model model) {
        String waId = phoneNumbers.toWaId(customer).orElse(customer.strip());
        DryRunRequest request = new DryRunRequest(businessPhoneNumberId.strip(), waId, blankToNull(buttonId),
                blankToNull(text));
        JsonNode result = api().dryRun(request);
        model.addAttribute("request", request);
        model.addAttribute("result", result);
        model.addAttribute("resultJson", pretty(result));
        return "dry-run";
    }

    private String editor(String kind, String id, String json, int version, Report report, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("json", json);
        model.addAttribute("version", version);
        model.addAttribute("report", report);
        List<Row> versions = id == null ? List.of() : api().versions(kind, id).stream().map(this::row).toList();
        model.addAttribute("versions", versions);
        return "scenario-editor";
    }

    private ScenariosApi api() {
        return ServiceProblem.connected(scenarios.getIfAvailable(), "scenario-engine", "console.services.scenarios");
    }

    private Row row(Definition d) {
        return new Row(d.id(), d.version(), d.enabled(), d.savedBy(), formats.when(d.savedAt()));
    }

    private static String pretty(JsonNode node) {
        return node == null ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public record Row(String id, int version, boolean enabled, String savedBy, String savedAt) {
    }
}
