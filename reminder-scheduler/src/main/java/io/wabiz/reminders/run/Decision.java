package io.wabiz.reminders.run;

import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.reminders.cadence.DunningLevel;
import io.wabiz.reminders.cadence.Step;
import io.wabiz.reminders.invoices.OpenInvoice;

/** What the rules say about one invoice on one day. */
public sealed interface Decision {

    OpenInvoice invoice();

    /** Remind: the level is due, every stop rule passed, a template fits the partner's language. */
    record Remind(OpenInvoice invoice, Step.Send step, PartnerContact partner, String waId, CompanyRoute route,
                  TemplateRef template) implements Decision {
    }

    /** A level is due (or the invoice closed since it was planned) but a rule stops it; the reason is recorded. */
    record Stop(OpenInvoice invoice, DunningLevel level, StopReason reason) implements Decision {
    }

    /** Nothing is due today: waiting for the next level, or finished. */
    record Wait(OpenInvoice invoice, Step step) implements Decision {
    }
}
