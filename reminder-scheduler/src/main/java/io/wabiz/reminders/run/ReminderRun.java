package io.wabiz.reminders.run;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.PhoneMasking;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.reminders.cadence.CompanyCadence;
import io.wabiz.reminders.cadence.DunningLevel;
import io.wabiz.reminders.invoices.InvoiceProjection;
import io.wabiz.reminders.invoices.OpenInvoice;
import io.wabiz.reminders.log.ReminderEntry;
import io.wabiz.reminders.log.ReminderLog;
import io.wabiz.reminders.log.ReminderStatus;
import io.wabiz.reminders.log.SkipLog;
import io.wabiz.reminders.messages.ReminderMessages;
import io.wabiz.reminders.partners.PartnerProjection;
import io.wabiz.reminders.pauses.Pauses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One company's run of one day, under the scheduler lock: republish what an interrupted run claimed but never got
 * acknowledged, plan, then a batch at a time: decide again on the invoices and partners as they are now (paid,
 * cancelled or opted out since planning: not sent, the reason recorded), claim in the reminder log (a key already
 * there is never sent again), publish the claimed commands, and mark them published once Kafka acknowledged them.
 * A batch is published (serialised, sent, acknowledged, marked) on a second thread while the run's thread reads,
 * decides and claims the next one: one batch in flight, so the run uses two cores rather than one and the commands
 * still go out in order, each claimed before it is published. A run
 * stopped anywhere (crash, Kafka down, quiet hours) leaves the day incomplete; the next check runs it again, finds
 * what is already done in the log and republishes what was claimed but not marked published (same keys).
 */
public final class ReminderRun {

    private static final Logger log = LoggerFactory.getLogger(ReminderRun.class);
    public static final String ACTOR = "reminder-scheduler";

    /** Keeps the lock while a long run goes on; called before each batch. */
    public interface Heartbeat {
        void beat();
    }

    /** What a run did and how it ended. */
    public record Outcome(String company, LocalDate day, RunRegistry.Status status, RunCounts counts,
                          Duration took, String note) {
    }

    private final ReminderPlanner planner;
    private final InvoiceProjection invoices;
    private final PartnerProjection partners;
    private final Pauses pauses;
    private final CompanyCadences cadences;
    private final ReminderRules rules;
    private final ReminderMessages messages;
    private final ReminderLog reminderLog;
    private final SkipLog skipLog;
    private final RunRegistry registry;
    private final TopicPublisher publisher;
    private final ReminderMetrics metrics;
    private final Clock clock;
    private final String replica;
    private final int batchSize;
    private final Duration publishTimeout;

    public ReminderRun(ReminderPlanner planner, InvoiceProjection invoices, PartnerProjection partners, Pauses pauses,
                       CompanyCadences cadences, ReminderRules rules, ReminderMessages messages,
                       ReminderLog reminderLog, SkipLog skipLog, RunRegistry registry, TopicPublisher publisher,
                       ReminderMetrics metrics, Clock clock, String replica, int batchSize, Duration publishTimeout) {
        this.planner = planner;
        this.invoices = invoices;
        this.partners = partners;
        this.pauses = pauses;
        this.cadences = cadences;
        this.rules = rules;
        this.messages = messages;
        this.reminderLog = reminderLog;
        this.skipLog = skipLog;
        this.registry = registry;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.replica = replica;
        this.batchSize = batchSize;
        this.publishTimeout = publishTimeout;
    }

    public Outcome run(String company, LocalDate day, RunRegistry.Trigger trigger, Heartbeat heartbeat) {
        return run(company, day, trigger, heartbeat, () -> planner.plan(company, day));
    }

    /** A run of a plan made by {@code planning} (tests hand in a plan made earlier, to change the world between). */
    Outcome run(String company, LocalDate day, RunRegistry.Trigger trigger, Heartbeat heartbeat,
                Supplier<RunPlan> planning) {
        long started = System.nanoTime();
        registry.started(company, day, replica, trigger, clock.instant());
        Tally tally = new Tally();
        try {
            tally.republished = resume(company);
            RunPlan plan = planning.get();
            tally.examined = plan.examined();
            tally.planned = plan.reminders().size();
            metrics.planned(company, plan.reminders().size());
            log.info("Reminder run {} {}: {} open invoices, {} reminders planned, {} stopped (planned in {} ms)",
                    company, day, plan.examined(), plan.reminders().size(), plan.stops().size(),
                    plan.took().toMillis());
            CompanyCadence cadence = cadences.cadence(company);
            List<RunPlan.PlannedReminder> all = plan.reminders();
            try (ExecutorService publishing = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("reminders-publish-" + company).factory())) {
                CompletableFuture<Integer> inFlight = CompletableFuture.completedFuture(0);
                for (int from = 0; from < all.size(); from += batchSize) {
                    if (cadence.calendar().quiet(clock.instant())) {
                        tally.published += published(inFlight);
                        return finish(company, day, RunRegistry.Status.INTERRUPTED, tally, "quiet hours began",
                                started);
                    }
                    heartbeat.beat();
                    List<SendMessage> claimed = claimBatch(company, day, cadence,
                            all.subList(from, Math.min(all.size(), from + batchSize)), tally);
                    tally.published += published(inFlight);
                    inFlight = CompletableFuture.supplyAsync(() -> publishAndMark(claimed), publishing);
                }
                tally.published += published(inFlight);
            }
            recordPlanStops(company, day, plan.stops(), tally);
            return finish(company, day, RunRegistry.Status.COMPLETED, tally, null, started);
        } catch (RuntimeException e) {
            finish(company, day, RunRegistry.Status.FAILED, tally, e.toString(), started);
            throw e;
        }
    }

    /** Republishes the commands an earlier run claimed but did not see acknowledged. */
    private int resume(String company) {
        List<SendMessage> unpublished = reminderLog.unpublished(company);
        if (unpublished.isEmpty()) {
            return 0;
        }
        log.warn("Reminder run {}: republishing {} commands an interrupted run claimed (same idempotency keys)",
                company, unpublished.size());
        for (int from = 0; from < unpublished.size(); from += batchSize) {
            List<SendMessage> batch = unpublished.subList(from, Math.min(unpublished.size(), from + batchSize));
            awaitAll(batch.stream().map(publisher::publish).toList());
            reminderLog.published(batch.stream().map(SendMessage::idempotencyKey).toList(), clock.instant());
            batch.forEach(c -> metrics.reminder(levelOf(c), "republished"));
        }
        return unpublished.size();
    }

    /** Publishes a claimed batch, waits for Kafka's acknowledgement, marks it published; returns how many. */
    private int publishAndMark(List<SendMessage> commands) {
        if (commands.isEmpty()) {
            return 0;
        }
        awaitAll(commands.stream().map(publisher::publish).toList());
        reminderLog.published(commands.stream().map(SendMessage::idempotencyKey).toList(), clock.instant());
        commands.forEach(c -> metrics.reminder(levelOf(c), "published"));
        return commands.size();
    }

    /** The batch in flight, once published and marked; its failure fails the run (the next one republishes it). */
    private static int published(CompletableFuture<Integer> batch) {
        try {
            return batch.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Decides a batch again on fresh reads, claims what is still due, records the rest; returns the claimed. */
    private List<SendMessage> claimBatch(String company, LocalDate day, CompanyCadence cadence,
                                         List<RunPlan.PlannedReminder> batch, Tally tally) {
        Map<String, OpenInvoice> fresh = invoices.byIds(batch.stream().map(RunPlan.PlannedReminder::invoiceId)
                .toList());
        Map<String, PartnerContact> contacts = partners.byIds(ReminderPlanner.partnerIds(List.copyOf(fresh.values())));
        Pauses.Snapshot paused = pauses.snapshot();
        var route = cadences.route(company);
        Instant now = clock.instant();
        List<ReminderLog.Claim> claims = new ArrayList<>();
        List<ReminderEntry> superseded = new ArrayList<>();
        List<SkipLog.Skip> skips = new ArrayList<>();
        Map<String, List<String>> reminded = new LinkedHashMap<>();
        for (RunPlan.PlannedReminder planned : batch) {
            OpenInvoice invoice = fresh.get(planned.invoiceId());
            if (invoice == null) {
                tally.changed++;
                continue;
            }
            Decision decision = rules.decide(invoice, contacts.get(invoice.partnerId()), cadence, route, paused, day);
            switch (decision) {
                case Decision.Remind remind when remind.step().level().days() == planned.level() -> {
                    claims.add(claim(company, day, remind, now));
                    for (DunningLevel passed : remind.step().superseded()) {
                        superseded.add(entry(company, day, invoice, passed.days(), ReminderStatus.SUPERSEDED, now,
                                null, null, null, null, null, remind.step().level().code()));
                    }
                }
                case Decision.Stop stop -> {
                    skips.add(skip(company, day, invoice.invoiceId(), invoice.dueDate(), planned.level(),
                            stop.reason()));
                    metrics.skipped(stop.reason());
                    tally.stopped++;
                }
                default -> tally.changed++; // another level is due now, or none: the next run decides afresh
            }
        }
        Set<String> claimed = reminderLog.claim(claims);
        List<SendMessage> commands = new ArrayList<>();
        for (ReminderLog.Claim claim : claims) {
            ReminderEntry entry = claim.entry();
            reminded.computeIfAbsent(entry.invoiceId(), k -> new ArrayList<>())
                    .add(OpenInvoice.remindedKey(entry.dueDate(), entry.level()));
            if (claimed.contains(entry.key())) {
                commands.add(claim.command());
            } else {
                tally.alreadyDone++;
            }
        }
        for (ReminderEntry passed : superseded) {
            reminded.computeIfAbsent(passed.invoiceId(), k -> new ArrayList<>())
                    .add(OpenInvoice.remindedKey(passed.dueDate(), passed.level()));
            metrics.reminder(passed.level(), "superseded");
        }
        reminderLog.supersede(superseded);
        tally.superseded += superseded.size();
        invoices.addReminded(reminded);
        skipLog.record(skips, now);
        return commands;
    }

    private ReminderLog.Claim claim(String company, LocalDate day, Decision.Remind remind, Instant now) {
        OpenInvoice invoice = remind.invoice();
        DunningLevel level = remind.step().level();
        String key = key(invoice.invoiceId(), level.days(), invoice.dueDate());
        SendMessage command = new SendMessage(commandId(key), now, remind.route().businessPhoneNumberId(),
                remind.waId(), messages.build(invoice, remind.partner(), level, remind.step().daysOverdue(),
                remind.template()), null, key, new Correlation(ErpDocumentType.INVOICE, invoice.invoiceId(),
                NotificationKind.UNPAID_REMINDER, Correlation.Origin.AUTOMATION, ACTOR, invoice.number()), null);
        log.debug("Reminder {} {} to {}", invoice.invoiceId(), level.code(), PhoneMasking.mask(remind.waId()));
        return new ReminderLog.Claim(entry(company, day, invoice, level.days(), ReminderStatus.CLAIMED, now,
                remind.route().businessPhoneNumberId(), remind.waId(), remind.template().name(),
                remind.template().language(), command.id(), null), command);
    }

    private void recordPlanStops(String company, LocalDate day, List<RunPlan.PlannedStop> stops, Tally tally) {
        List<SkipLog.Skip> skips = new ArrayList<>();
        for (RunPlan.PlannedStop stop : stops) {
            if (stop.level() != null) {
                skips.add(skip(company, day, stop.invoiceId(), stop.dueDate(), stop.level(), stop.reason()));
            }
            metrics.skipped(stop.reason());
            tally.stopped++;
            if (skips.size() == batchSize) {
                skipLog.record(skips, clock.instant());
                skips = new ArrayList<>();
            }
        }
        skipLog.record(skips, clock.instant());
    }

    /**
     * The idempotency key of a reminder, {@code unpaid_reminder:invoice:{invoiceId}:d{+days}@{dueDate}}: from the
     * invoice, the level and the due date only, so an invoice update (a partial payment, a new version) never makes
     * a level due twice, while a new due date (the ERP extended it) starts a new dunning.
     */
    public static String key(String invoiceId, int levelDays, LocalDate dueDate) {
        String level = (levelDays < 0 ? "d" : "d+") + levelDays;
        return new IdempotencyKey(NotificationKind.UNPAID_REMINDER, ErpDocumentType.INVOICE, invoiceId,
                level + "@" + dueDate).toString();
    }

    /** The command id of a key: the same key always gives the same command id. */
    static String commandId(String key) {
        return UUID.nameUUIDFromBytes(("SendMessage:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static int levelOf(SendMessage command) {
        String version = IdempotencyKey.parse(command.idempotencyKey()).factVersion();
        return Integer.parseInt(version.substring(1, version.indexOf('@')).replace("+", ""));
    }

    private ReminderEntry entry(String company, LocalDate day, OpenInvoice invoice, int level, ReminderStatus status,
                                Instant now, String businessNumber, String waId, String template,
                                String language, String commandId, String supersededBy) {
        return new ReminderEntry(key(invoice.invoiceId(), level, invoice.dueDate()), invoice.invoiceId(),
                invoice.number(), invoice.partnerId(), company, level, invoice.dueDate(), day, status, now, null,
                null, businessNumber, waId, template, language, commandId, null, null, supersededBy, false);
    }

    private static SkipLog.Skip skip(String company, LocalDate day, String invoiceId, LocalDate dueDate, int level,
                                     StopReason reason) {
        return new SkipLog.Skip(key(invoiceId, level, dueDate), invoiceId, company, level, dueDate, reason.code(),
                reason.explanation(), day, null, null, 0);
    }

    private void awaitAll(List<? extends CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing reminders", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the reminder commands within "
                    + publishTimeout + ": the run stops; the next one republishes them", e);
        }
    }

    private Outcome finish(String company, LocalDate day, RunRegistry.Status status, Tally tally, String note,
                           long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RunCounts counts = tally.counts();
        registry.finished(company, day, status, counts, note, clock.instant());
        metrics.run(company, status.name().toLowerCase(), took);
        log.info("Reminder run {} {} {} in {} ms: {}", company, day, status, took.toMillis(), counts);
        return new Outcome(company, day, status, counts, took, note);
    }

    private static final class Tally {
        int examined;
        int planned;
        int published;
        int republished;
        int alreadyDone;
        int stopped;
        int superseded;
        int changed;

        RunCounts counts() {
            return new RunCounts(examined, planned, published, republished, alreadyDone, stopped, superseded,
                    changed);
        }
    }
}
