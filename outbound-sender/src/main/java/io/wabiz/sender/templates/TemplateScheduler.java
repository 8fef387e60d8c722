package io.wabiz.sender.templates;

import io.wabiz.events.Topics;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.Account;
import io.wabiz.sender.accounts.AccountRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When templates are synced: on start, on a schedule, on demand, and when a status webhook names an unknown one. */
@Component
public class TemplateScheduler {

    private static final Logger log = LoggerFactory.getLogger(TemplateScheduler.class);

    private final TemplateSync sync;
    private final AccountRegistry accounts;
    private final SenderProperties properties;

    TemplateScheduler(TemplateSync sync, AccountRegistry accounts, SenderProperties properties) {
        this.sync = sync;
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncOnStart() {
        if (properties.templates().syncOnStart()) {
            Thread.ofVirtual().name("template-sync-on-start").start(this::syncAll);
        }
    }

    @Scheduled(fixedDelayString = "${sender.templates.sync-interval:15m}",
            initialDelayString = "${sender.templates.sync-interval:15m}")
    void syncOnSchedule() {
        syncAll();
    }

    @KafkaListener(topics = Topics.ACCOUNT_NOTICES)
    void onNotice(AccountNoticeReceived notice) {
        if (!sync.apply(notice)) {
            log.info("Status notice for unknown template {}: syncing WABA {}", notice.template(), notice.wabaId());
            byWaba().entrySet().stream().filter(e -> e.getKey().equals(notice.wabaId()))
                    .forEach(e -> syncOne(e.getValue()));
        }
    }

    public List<SyncReport> syncAll() {
        List<SyncReport> reports = new ArrayList<>();
        byWaba().values().forEach(account -> reports.add(syncOne(account)));
        return reports;
    }

    public List<String> wabaIds() {
        return List.copyOf(byWaba().keySet());
    }

    private SyncReport syncOne(Account account) {
        try {
            return new SyncReport(account.wabaId(), sync.sync(account).size(), null);
        } catch (RuntimeException e) {
            log.warn("Template sync of WABA {} failed: {}", account.wabaId(), e.getMessage());
            return new SyncReport(account.wabaId(), 0, e.getMessage());
        }
    }

    /** One account per WABA: its token reads the WABA's templates. */
    private Map<String, Account> byWaba() {
        Map<String, Account> byWaba = new LinkedHashMap<>();
        accounts.all().stream().filter(a -> a.wabaId() != null && !a.wabaId().isBlank())
                .forEach(a -> byWaba.putIfAbsent(a.wabaId(), a));
        return byWaba;
    }

    /** @param problem null when the sync worked */
    public record SyncReport(String wabaId, int templates, String problem) {
    }
}
