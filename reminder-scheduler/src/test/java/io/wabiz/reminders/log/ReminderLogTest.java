package io.wabiz.reminders.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.reminders.MongoCollections;
import io.wabiz.reminders.Records;
import io.wabiz.reminders.run.ReminderRun;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class ReminderLogTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    private static final Instant NOW = Instant.parse("2026-04-11T09:00:00Z");

    private final ReminderLog log = new ReminderLog(MongoCollections.freshDatabase().getCollection("reminder_log"));

    {
        log.createIndexes(); // as the service does: the id_status index takes part in every write
    }

    private static ReminderLog.Claim claim(String invoiceId, int level) {
        String key = ReminderRun.key(invoiceId, level, DUE);
        SendMessage command = new SendMessage(UUID.randomUUID().toString(), NOW, "100000000000001", "221770000001",
                new OutboundContent.Template("invoice_reminder_overdue", "fr", List.of()), null, key,
                new Correlation(ErpDocumentType.INVOICE, invoiceId, NotificationKind.UNPAID_REMINDER,
                        Correlation.Origin.AUTOMATION, "reminder-scheduler"), null);
        return new ReminderLog.Claim(new ReminderEntry(key, invoiceId, "INV/1", "res.partner/1", "res.company/1",
                level, DUE, NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(), ReminderStatus.CLAIMED, NOW, null,
                null, "100000000000001", "221770000001", "invoice_reminder_overdue", "fr", command.id(), null, null,
                null, false), command);
    }

    @Test
    void keysAreTheInvoiceTheLevelAndTheDueDate() {
        assertThat(ReminderRun.key("account.move/5531", 10, DUE))
                .isEqualTo("unpaid_reminder:invoice:account.move/5531:d+10@2026-04-01");
        assertThat(ReminderRun.key("account.move/5531", -3, DUE))
                .isEqualTo("unpaid_reminder:invoice:account.move/5531:d-3@2026-04-01");
    }

    @Test
    void ofTwoRunsClaimingTheSameReminderAtOnceExactlyOneWins() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        var first = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> log.claim(List.of(claim("i1", 10),
                claim("i2", 10)))));
        var second = CompletableFuture.supplyAsync(() -> awaitThen(together, () -> log.claim(List.of(claim("i2", 10),
                claim("i1", 10), claim("i3", 10)))));

        Set<String> a = first.get();
        Set<String> b = second.get();

        assertThat(a).doesNotContainAnyElementsOf(b);
        assertThat(a.size() + b.size()).isEqualTo(3);
    }

    @Test
    void anInterruptedClaimIsFoundWithItsCommandAndPublishingDropsIt() {
        ReminderLog.Claim claim = claim("i1", 10);
        log.claim(List.of(claim));

        assertThat(log.unpublished("res.company/1")).containsExactly(claim.command());

        log.published(List.of(claim.entry().key()), NOW);

        assertThat(log.unpublished("res.company/1")).isEmpty();
        assertThat(log.find(claim.entry().key()).orElseThrow().status()).isEqualTo(ReminderStatus.PUBLISHED);
    }

    @Test
    void anAcceptanceThatOvertakesThePublishedMarkIsKept() {
        ReminderLog.Claim claim = claim("i1", 10);
        log.claim(List.of(claim));

        assertThat(log.accepted(Records.accepted(claim.command(), "wamid.A", NOW), NOW).orElseThrow().firstTime())
                .isTrue();
        log.published(List.of(claim.entry().key()), NOW);

        ReminderEntry entry = log.find(claim.entry().key()).orElseThrow();
        assertThat(entry.status()).isEqualTo(ReminderStatus.ACCEPTED);
        assertThat(entry.wamid()).isEqualTo("wamid.A");
    }

    @Test
    void acceptanceIsTerminalAndCountedOnce() {
        ReminderLog.Claim claim = claim("i1", 10);
        log.claim(List.of(claim));
        log.published(List.of(claim.entry().key()), NOW);

        assertThat(log.accepted(Records.accepted(claim.command(), "wamid.A", NOW), NOW).orElseThrow().firstTime())
                .isTrue();
        assertThat(log.accepted(Records.accepted(claim.command(), "wamid.A", NOW), NOW).orElseThrow().firstTime())
                .isFalse();
        assertThat(log.rejected(Records.rejected(claim.command(), 131047, "Re-engagement message", "help", NOW),
                NOW)).isEmpty();

        assertThat(log.find(claim.entry().key()).orElseThrow().status()).isEqualTo(ReminderStatus.ACCEPTED);
    }

    @Test
    void aRejectionKeepsMetasCodeAndHelpAndALaterAcceptanceOfTheSameKeyWins() {
        ReminderLog.Claim claim = claim("i1", 10);
        log.claim(List.of(claim));
        log.published(List.of(claim.entry().key()), NOW);

        ReminderEntry rejected = log.rejected(Records.rejected(claim.command(), 132001, "Template does not exist",
                "Submit the template", NOW), NOW).orElseThrow();

        assertThat(rejected.status()).isEqualTo(ReminderStatus.REJECTED);
        assertThat(rejected.rejection().code()).isEqualTo(132001);
        assertThat(rejected.rejection().helpText()).isEqualTo("Submit the template");
        assertThat(log.accepted(Records.accepted(claim.command(), "wamid.B", NOW), NOW).orElseThrow().entry().status())
                .isEqualTo(ReminderStatus.ACCEPTED);
    }

    @Test
    void anAcceptanceOfAKeyNotInTheLogIsNotInvented() {
        assertThat(log.accepted(Records.accepted(claim("unknown", 3).command(), "wamid.C", NOW), NOW)).isEmpty();
    }

    @Test
    void supersededLevelsAreRecordedOnceAndNeverReplaceAClaim() {
        ReminderLog.Claim claim = claim("i1", 3);
        log.claim(List.of(claim));
        ReminderEntry superseded = new ReminderEntry(claim.entry().key(), "i1", "INV/1", "res.partner/1",
                "res.company/1", 3, DUE, DUE.plusDays(12), ReminderStatus.SUPERSEDED, NOW, null, null, null, null,
                null, null, null, null, null, "L10", false);

        log.supersede(List.of(superseded));
        log.supersede(List.of(superseded));

        assertThat(log.find(claim.entry().key()).orElseThrow().status()).isEqualTo(ReminderStatus.CLAIMED);
        assertThat(log.byInvoice("i1")).hasSize(1);
    }

    private static <T> T awaitThen(CyclicBarrier barrier, java.util.function.Supplier<T> action) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return action.get();
    }
}
