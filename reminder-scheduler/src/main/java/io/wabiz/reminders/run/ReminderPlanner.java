package io.wabiz.reminders.run;

import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.reminders.cadence.CompanyCadence;
import io.wabiz.reminders.cadence.DunningLevel;
import io.wabiz.reminders.cadence.Step;
import io.wabiz.reminders.invoices.InvoiceProjection;
import io.wabiz.reminders.invoices.OpenInvoice;
import io.wabiz.reminders.partners.PartnerProjection;
import io.wabiz.reminders.pauses.Pauses;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a company's day: streams its open invoices whose first level could be due by then, with their partners a
 * batch at a time, and applies {@link ReminderRules}. Reads only; the dry run and the real run share it.
 */
public final class ReminderPlanner {

    private final InvoiceProjection invoices;
    private final PartnerProjection partners;
    private final Pauses pauses;
    private final CompanyCadences cadences;
    private final ReminderRules rules;
    private final int batchSize;

    public ReminderPlanner(InvoiceProjection invoices, PartnerProjection partners, Pauses pauses,
                           CompanyCadences cadences, ReminderRules rules, int batchSize) {
        this.invoices = invoices;
        this.partners = partners;
        this.pauses = pauses;
        this.cadences = cadences;
        this.rules = rules;
        this.batchSize = batchSize;
    }

    public RunPlan plan(String company, LocalDate day) {
        long started = System.nanoTime();
        CompanyCadence cadence = cadences.cadence(company);
        Optional<CompanyRoute> route = cadences.route(company);
        Pauses.Snapshot paused = pauses.snapshot();
        List<RunPlan.PlannedReminder> reminders = new ArrayList<>();
        List<RunPlan.PlannedStop> stops = new ArrayList<>();
        int[] counts = new int[3]; // examined, waiting, finished
        // an invoice's first level is due on dueDate + first.days: nothing can be due for later due dates
        LocalDate dueOnOrBefore = day.minusDays(cadence.schedule().first().days());
        invoices.forEachOpen(company, dueOnOrBefore, batchSize, batch -> {
            Map<String, PartnerContact> partnersById = partners.byIds(partnerIds(batch));
            for (OpenInvoice invoice : batch) {
                counts[0]++;
                switch (rules.decide(invoice, partnersById.get(invoice.partnerId()), cadence, route, paused, day)) {
                    case Decision.Remind remind -> reminders.add(planned(remind));
                    case Decision.Stop stop -> stops.add(stopped(stop));
                    case Decision.Wait wait -> counts[wait.step() instanceof Step.Finished ? 2 : 1]++;
                }
            }
        });
        return new RunPlan(company, day, reminders, stops, counts[0], counts[1], counts[2],
                Duration.ofNanos(System.nanoTime() - started));
    }

    static Set<String> partnerIds(List<OpenInvoice> batch) {
        Set<String> ids = new HashSet<>();
        batch.forEach(i -> {
            if (i.partnerId() != null) {
                ids.add(i.partnerId());
            }
        });
        return ids;
    }

    private static RunPlan.PlannedReminder planned(Decision.Remind remind) {
        OpenInvoice invoice = remind.invoice();
        return new RunPlan.PlannedReminder(invoice.invoiceId(), invoice.number(), invoice.partnerId(),
                remind.step().level().days(), remind.step().daysOverdue(),
                remind.step().superseded().stream().map(DunningLevel::days).toList(), remind.template().name(),
                remind.template().language());
    }

    static RunPlan.PlannedStop stopped(Decision.Stop stop) {
        OpenInvoice invoice = stop.invoice();
        return new RunPlan.PlannedStop(invoice.invoiceId(), invoice.number(), invoice.partnerId(),
                invoice.dueDate(), stop.level() == null ? null : stop.level().days(), stop.reason());
    }
}
