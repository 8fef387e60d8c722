package io.wabiz.reminders.run;

import io.wabiz.notification.partners.ContactRules;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.partners.Reachability;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.reminders.cadence.CompanyCadence;
import io.wabiz.reminders.cadence.Dunning;
import io.wabiz.reminders.cadence.Step;
import io.wabiz.reminders.invoices.InvoiceStatus;
import io.wabiz.reminders.invoices.OpenInvoice;
import io.wabiz.reminders.messages.ReminderMessages;
import io.wabiz.reminders.pauses.Pauses;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The one decision for an invoice on a day, used both to plan a run (and its dry run) and again for each reminder
 * right before it is sent, on the invoice and partner as they are then: first the cadence (is a level due?), then
 * the stop rules, in the order a person would explain them.
 */
public final class ReminderRules {

    private final ReminderMessages messages;

    public ReminderRules(ReminderMessages messages) {
        this.messages = messages;
    }

    public Decision decide(OpenInvoice invoice, PartnerContact partner, CompanyCadence cadence,
                           Optional<CompanyRoute> route, Pauses.Snapshot pauses, LocalDate day) {
        Step step = Dunning.next(cadence.schedule(), invoice.dueDate(), day, invoice.remindedLevels());
        if (invoice.status() != InvoiceStatus.OPEN) {
            return new Decision.Stop(invoice, step instanceof Step.Send send ? send.level() : null,
                    switch (invoice.status()) {
                        case PAID -> StopReason.PAID;
                        case CANCELLED -> StopReason.CANCELLED;
                        default -> StopReason.PAYMENT_STATE_UNKNOWN;
                    });
        }
        if (!(step instanceof Step.Send send)) {
            return new Decision.Wait(invoice, step);
        }
        StopReason stop = null;
        if (invoice.inDispute()) {
            stop = StopReason.IN_DISPUTE;
        } else if (cadence.belowMinimum(invoice.residual(), invoice.currency())) {
            stop = StopReason.BELOW_MINIMUM_RESIDUAL;
        } else if (pauses.invoicePaused(invoice.invoiceId())) {
            stop = StopReason.INVOICE_PAUSED;
        } else if (pauses.partnerPaused(invoice.partnerId())) {
            stop = StopReason.PARTNER_PAUSED;
        } else if (route.isEmpty()) {
            stop = StopReason.NO_BUSINESS_NUMBER;
        }
        if (stop != null) {
            return new Decision.Stop(invoice, send.level(), stop);
        }
        Reachability reachability = ContactRules.reachability(partner, route.get().optInPolicy());
        if (reachability instanceof Reachability.Unreachable unreachable) {
            return new Decision.Stop(invoice, send.level(), StopReason.of(unreachable.reason()));
        }
        Optional<TemplateRef> template = messages.template(send.level(), partner.language(), route.get());
        if (template.isEmpty()) {
            return new Decision.Stop(invoice, send.level(), StopReason.NO_TEMPLATE);
        }
        return new Decision.Remind(invoice, send, partner, ((Reachability.Reachable) reachability).waId(),
                route.get(), template.get());
    }
}
