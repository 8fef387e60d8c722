package io.wabiz.console.automation;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.console.api.NotifierApi;
import io.wabiz.console.api.SenderApi;
import io.wabiz.console.api.SenderApi.Account;
import io.wabiz.console.api.SenderApi.Diagnosis;
import io.wabiz.console.web.Formats;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's automation screens: the business numbers with their diagnostics ("check the settings") and
 * "resume a paused number"; the notification, scenario and reminder screens appear once their services' APIs
 * are configured ({@code console.services.notifier|scenarios|reminders}).
 */
@Controller
public class AutomationController {

    private final ObjectProvider<SenderApi> sender;
    private final ObjectProvider<NotifierApi> notifier;
    private final ConsoleProperties properties;
    private final Formats formats;

    public AutomationController(ObjectProvider<SenderApi> sender, ObjectProvider<NotifierApi> notifier,
                                ConsoleProperties properties, Formats formats) {
        this.sender = sender;
        this.notifier = notifier;
        this.properties = properties;
        this.formats = formats;
    }

    @GetMapping("/automation")
    public String overview(@RequestParam(required = false) String documentType,
                           @RequestParam(required = false) String documentId,
                           @RequestParam(required = false) String state, Model model) {
        SenderApi senderApi = sender.getIfAvailable();
        List<AccountRow> accounts = senderApi == null ? List.of() : senderApi.accounts().stream().map(this::row).toList();
        model.addAttribute("senderConfigured", senderApi != null);
        model.addAttribute("accounts", accounts);
        NotifierApi notifierApi = notifier.getIfAvailable();
        model.addAttribute("notifierConfigured", notifierApi != null);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("documentType", documentType);
        filters.put("documentId", documentId);
        filters.put("state", state);
        model.addAttribute("notificationFilters", filters);
        if (notifierApi != null) {
            Map<String, String> query = new LinkedHashMap<>(filters);
            query.put("size", "30");
            model.addAttribute("notifications", notifierApi.notifications(query).items().stream()
                    .map(this::row).toList());
        }
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

    private NotificationRow row(NotifierApi.Notification n) {
        Instant last = Stream.of(n.readAt(), n.deliveredAt(), n.sentAt(), n.acceptedAt(), n.failedAt(), n.createdAt())
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String why = n.skipped() != null ? n.skipped().explanation()
                : n.failure() != null ? n.failure().code() + " " + n.failure().title() + (n.failure().help() == null ? ""
                : ": " + n.failure().help()) : null;
        return new NotificationRow(n.kind(), n.documentType(), n.documentId(), n.partnerId(), n.state(), why,
                n.recipientWaId() == null ? null : "+" + n.recipientWaId(), formats.when(last),
                n.erpToldAt() == null ? null : formats.when(n.erpToldAt()));
    }

    /** @param why the skip's explanation or Meta's error with its help */
    public record NotificationRow(String kind, String documentType, String documentId, String partnerId, String state,
                                  String why, String recipient, String when, String erpTold) {
    }

    public record AccountRow(String phoneNumberId, String wabaId, String apiVersion, int messagesPerSecond,
                             boolean paused, Integer pauseCode, String pauseReason, String pausedSince) {
    }
}
