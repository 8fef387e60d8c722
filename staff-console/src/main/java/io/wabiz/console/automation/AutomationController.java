package io.wabiz.console.automation;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.console.api.SenderApi;
import io.wabiz.console.api.SenderApi.Account;
import io.wabiz.console.api.SenderApi.Diagnosis;
import io.wabiz.console.web.Formats;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's automation screens: the business numbers with their diagnostics ("check the settings") and
 * "resume a paused number"; the notification, scenario and reminder screens appear once their services' APIs
 * are configured ({@code console.services.notifier|scenarios|reminders}).
 */
@Controller
public class AutomationController {

    private final ObjectProvider<SenderApi> sender;
    private final ConsoleProperties properties;
    private final Formats formats;

    public AutomationController(ObjectProvider<SenderApi> sender, ConsoleProperties properties, Formats formats) {
        this.sender = sender;
        this.properties = properties;
        this.formats = formats;
    }

    @GetMapping("/automation")
    public String overview(Model model) {
        SenderApi senderApi = sender.getIfAvailable();
        List<AccountRow> accounts = senderApi == null ? List.of() : senderApi.accounts().stream().map(this::row).toList();
        model.addAttribute("senderConfigured", senderApi != null);
        model.addAttribute("accounts", accounts);
        model.addAttribute("notifierConfigured", properties.services().notifier() != null);
        model.addAttribute("scenariosConfigured", properties.services().scenarios() != null);
        model.addAttribute("remindersConfigured", properties.services().reminders() != null);
        return "automation";
    }

    @GetMapping("/automation/accounts/{phoneNumberId}/diagnostics")
    public String diagnose(@PathVariable String phoneNumberId, Model model) {
        Diagnosis diagnosis = sender.getObject().diagnose(phoneNumberId);
        model.addAttribute("diagnosis", diagnosis);
        return "automation :: diagnosis";
    }

    @PostMapping("/automation/accounts/{phoneNumberId}/resume")
    public String resume(@PathVariable String phoneNumberId, RedirectAttributes redirect) {
        sender.getObject().resume(phoneNumberId);
        redirect.addFlashAttribute("resumed", phoneNumberId);
        return "redirect:/automation";
    }

    private AccountRow row(Account account) {
        return new AccountRow(account.phoneNumberId(), account.wabaId(), account.apiVersion(), account.messagesPerSecond(),
                account.pause() != null, account.pause() == null ? null : account.pause().errorCode(),
                account.pause() == null ? null : account.pause().reason(),
                account.pause() == null ? null : formats.when(account.pause().since()));
    }

    public record AccountRow(String phoneNumberId, String wabaId, String apiVersion, int messagesPerSecond,
                             boolean paused, Integer pauseCode, String pauseReason, String pausedSince) {
    }
}
