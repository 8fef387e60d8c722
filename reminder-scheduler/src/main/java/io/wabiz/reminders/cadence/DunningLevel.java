package io.wabiz.reminders.cadence;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a company's dunning (Odoo's follow-up level): sent {@code days} after the due date (negative: a
 * courtesy reminder before it), with an approved template and an attachment.
 *
 * @param days               days after the due date; negative for a courtesy reminder before it
 * @param template           the template's name (the same name in every language, as Meta groups them)
 * @param templateByLanguage another template name for some languages ({@code wo} → {@code rappel_facture_wo})
 * @param attachment         what the message carries beside its text
 */
public record DunningLevel(int days, String template, Map<String, String> templateByLanguage, Attachment attachment) {

    public DunningLevel {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("dunning level " + days + " needs a template");
        }
        templateByLanguage = templateByLanguage == null ? Map.of() : Map.copyOf(templateByLanguage);
        attachment = attachment == null ? Attachment.PAYMENT_LINK : attachment;
    }

    public DunningLevel(int days, String template, Attachment attachment) {
        this(days, template, Map.of(), attachment);
    }

    /** A courtesy reminder sent before the due date. */
    public boolean courtesy() {
        return days < 0;
    }

    /** The template name for a language code ({@code fr}). */
    public String templateFor(String language) {
        return templateByLanguage.getOrDefault(language == null ? "" : language.toLowerCase(Locale.ROOT), template);
    }

    /** How the level is named in keys, logs and metrics: {@code L-3}, {@code L10}. */
    public String code() {
        return code(days);
    }

    public static String code(int days) {
        return "L" + days;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DunningLevel level && level.days == days && level.template.equals(template)
                && level.templateByLanguage.equals(templateByLanguage) && level.attachment == attachment;
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, template, templateByLanguage, attachment);
    }
}
