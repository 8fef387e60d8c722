package io.wabiz.notifier.messages;

import io.wabiz.notification.messages.DocumentDates;
import io.wabiz.notification.messages.Languages;
import io.wabiz.notification.messages.MessageBundles;
import io.wabiz.notification.messages.Messages;
import io.wabiz.notification.money.MoneyFormat;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateNames;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The notifier's texts: the message bundles of its flows (common, orders, invoices ...), the language of a
 * reader, amounts and dates written for that language, and the fallback template of a purpose.
 */
public class NotifierTexts {

    private final MessageBundles bundles;
    private final TemplateNames templates;

    public NotifierTexts(MessageBundles bundles, TemplateNames templates) {
        this.bundles = bundles;
        this.templates = templates;
    }

    /** The partner's language when the notifier writes in it, else the company's default language. */
    public Locale languageOf(PartnerContact partner, CompanyRoute route) {
        return Languages.resolve(partner == null ? null : partner.language(), route.defaultLanguage());
    }

    public Messages messages(Locale language) {
        return bundles.forLocale(language);
    }

    public String money(BigDecimal amount, String currency, Locale language) {
        return MoneyFormat.format(amount == null ? BigDecimal.ZERO : amount, currency, language);
    }

    public String date(Instant instant, ZoneId zone, Locale language) {
        return DocumentDates.format(instant, zone, language);
    }

    public String date(LocalDate date, Locale language) {
        return DocumentDates.format(date, language);
    }

    public Optional<TemplateRef> template(String purpose, Locale language) {
        return templates.choose(purpose, language);
    }

    public MessageBundles bundles() {
        return bundles;
    }
}
