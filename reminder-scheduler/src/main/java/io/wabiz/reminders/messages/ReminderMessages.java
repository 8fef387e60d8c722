package io.wabiz.reminders.messages;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.notification.messages.DocumentDates;
import io.wabiz.notification.messages.Languages;
import io.wabiz.notification.messages.MessageBundles;
import io.wabiz.notification.messages.Messages;
import io.wabiz.notification.messages.TextFit;
import io.wabiz.notification.money.MoneyFormat;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateDefinition;
import io.wabiz.notification.templates.TemplateDefinitions;
import io.wabiz.notification.templates.TemplateNames;
import io.wabiz.reminders.cadence.Attachment;
import io.wabiz.reminders.cadence.DunningLevel;
import io.wabiz.reminders.invoices.OpenInvoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a reminder as the approved template it is sent as (reminders go out days after the customer last wrote,
 * outside the 24-hour window). Every reminder template takes the same six body variables, in this order:
 * <ol>
 *   <li>the customer's name,</li><li>the invoice number,</li><li>the due date in the reader's language,</li>
 *   <li>when it is due ("dans 3 jours", "aujourd'hui", "10 jours de retard"),</li>
 *   <li>the residual, formatted for the language with the currency's own decimals,</li>
 *   <li>the invoice's stable payment link;</li>
 * </ol>
 * and a DOCUMENT header (the invoice's PDF) exactly when the level attaches the invoice. {@link #problems} checks
 * the shipped definitions against that at start.
 */
public final class ReminderMessages {

    public static final int BODY_VARIABLES = 6;
    private static final int PARAMETER_MAX = 200;

    private final TemplateDefinitions definitions;
    private final MessageBundles bundles;
    private final InvoiceLinks links;
    private final Map<String, String> languageFallbacks;
    private final Map<String, Optional<TemplateNames.TemplateRef>> choices = new ConcurrentHashMap<>();
    /** Due dates repeat across invoices; ICU's date formatter is costly to make, so each text is made once. */
    private final Map<String, String> dueDates = new ConcurrentHashMap<>();

    /**
     * @param languageFallbacks per text language, the template language used when a template has none in it
     *                          (Meta has no Wolof templates: {@code wo -> fr})
     */
    public ReminderMessages(TemplateDefinitions definitions, MessageBundles bundles, InvoiceLinks links,
                            Map<String, String> languageFallbacks) {
        this.definitions = definitions;
        this.bundles = bundles;
        this.links = links;
        this.languageFallbacks = Map.copyOf(languageFallbacks);
    }

    /**
     * The template a level is sent as to a partner: in the partner's language, else its fallback ({@code wo -> fr}),
     * else the company's default language; empty when none is shipped.
     */
    public Optional<TemplateNames.TemplateRef> template(DunningLevel level, String partnerLanguage,
                                                        CompanyRoute route) {
        Locale textLanguage = Languages.resolve(partnerLanguage, route.defaultLanguage());
        return choices.computeIfAbsent(level.code() + "|" + level.template() + "|" + route.defaultLanguage() + "|"
                        + textLanguage.getLanguage(),
                key -> templateNames(level, route.defaultLanguage()).choose(level.code(), textLanguage));
    }

    /** The reminder as the template it is sent as, with its six body variables (and the invoice's PDF header). */
    public OutboundContent.Template build(OpenInvoice invoice, PartnerContact partner, DunningLevel level,
                                          long daysOverdue, TemplateNames.TemplateRef template) {
        Messages texts = bundles.forLocale(TemplateNames.textLanguageOf(template.language()));
        Locale locale = texts.locale();
        List<TemplateParameter> body = new ArrayList<>();
        for (String value : List.of(partner.greetingName(),
                invoice.number() == null ? invoice.invoiceId() : invoice.number(), dueDate(invoice, locale),
                timing(texts, daysOverdue), MoneyFormat.format(invoice.residual(), invoice.currency(), locale),
                links.paymentLink(invoice))) {
            body.add(TemplateParameter.text(TextFit.templateParameter(value, PARAMETER_MAX)));
        }
        List<TemplateComponent> components = new ArrayList<>();
        if (level.attachment() == Attachment.INVOICE_DOCUMENT) {
            String document = links.documentLink(invoice).orElseThrow(() -> new IllegalStateException(
                    "level " + level.code() + " attaches the invoice but no document links are configured"));
            components.add(new TemplateComponent("header", null, null,
                    List.of(TemplateParameter.document(document, fileName(invoice)))));
        }
        components.add(new TemplateComponent("body", null, null, body));
        return new OutboundContent.Template(template.name(), template.language(), components);
    }

    /** What is wrong with the templates {@code levels} name; empty when every level can be sent in some language. */
    public List<String> problems(List<DunningLevel> levels, String defaultLanguage) {
        List<String> problems = new ArrayList<>();
        for (DunningLevel level : levels) {
            Map<String, String> byLanguage = namesByLanguage(level);
            if (byLanguage.isEmpty()) {
                problems.add("level " + level.code() + ": no shipped definition of template " + level.template());
            }
            if (!byLanguage.containsKey(defaultLanguage)) {
                problems.add("level " + level.code() + ": template " + level.template() + " has no "
                        + defaultLanguage + " definition (the default language)");
            }
            if (level.attachment() == Attachment.INVOICE_DOCUMENT && !links.documents()) {
                problems.add("level " + level.code() + " attaches the invoice but no document links are configured"
                        + " (reminders.links.attach-documents)");
            }
            byLanguage.forEach((language, name) -> {
                TemplateDefinition definition = definitions.find(name, language).orElseThrow();
                if (definition.bodyParameterCount() != BODY_VARIABLES) {
                    problems.add(definition.key() + " has " + definition.bodyParameterCount()
                            + " body variables; reminder templates take " + BODY_VARIABLES);
                }
                int header = level.attachment() == Attachment.INVOICE_DOCUMENT ? 1 : 0;
                boolean documentHeader = definition.component("HEADER")
                        .map(h -> "DOCUMENT".equalsIgnoreCase(h.format())).orElse(false);
                if (definition.headerParameterCount() != header || (header == 1 && !documentHeader)) {
                    problems.add(definition.key() + (header == 1 ? " needs a DOCUMENT header (level "
                            + level.code() + " attaches the invoice)" : " has a header parameter the level "
                            + level.code() + " does not give"));
                }
            });
        }
        return problems;
    }

    private TemplateNames templateNames(DunningLevel level, String defaultLanguage) {
        return new TemplateNames(Map.of(level.code(), namesByLanguage(level)), languageFallbacks, defaultLanguage);
    }

    /** The languages in which the level's template (or its per-language override) is shipped. */
    private Map<String, String> namesByLanguage(DunningLevel level) {
        Map<String, String> names = new LinkedHashMap<>();
        definitions.all().stream().map(TemplateDefinition::language).distinct().sorted().forEach(language -> {
            String name = level.templateFor(language);
            if (definitions.find(name, language).isPresent()) {
                names.put(language, name);
            }
        });
        return names;
    }

    private String dueDate(OpenInvoice invoice, Locale locale) {
        if (dueDates.size() > 10_000) {
            dueDates.clear();
        }
        return dueDates.computeIfAbsent(invoice.dueDate() + "|" + locale.toLanguageTag(),
                key -> DocumentDates.format(invoice.dueDate(), locale));
    }

    private static String timing(Messages texts, long daysOverdue) {
        if (daysOverdue < 0) {
            return texts.text("reminder.timing.before", Map.of("days", -daysOverdue));
        }
        if (daysOverdue == 0) {
            return texts.text("reminder.timing.today");
        }
        return texts.text("reminder.timing.overdue", Map.of("days", daysOverdue));
    }

    private static String fileName(OpenInvoice invoice) {
        String number = invoice.number() == null ? invoice.invoiceId() : invoice.number();
        return number.replaceAll("[^A-Za-z0-9_-]+", "-") + ".pdf";
    }
}
