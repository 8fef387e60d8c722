package io.wabiz.reminders;

import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import io.wabiz.platform.security.StaffSecuritySettings;
import io.wabiz.reminders.cadence.Attachment;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the reminder scheduler can be told, under {@code reminders.*}.
 *
 * @param defaultBusinessPhoneNumberId the number that speaks for companies not listed (none: they send nothing)
 * @param defaults                     the cadence of every company, unless the company says otherwise
 * @param companies                    per ERP company: its number and what differs from the defaults
 * @param templateLanguageFallbacks    per text language, the template language used when a template has none in
 *                                     it; none given: {@code wo -> fr} (Meta has no Wolof templates)
 * @param links                        the invoice links reminders carry
 * @param run                          the daily job
 * @param clock                        whether an admin may move the service's clock (the local stack only)
 * @param listenerConcurrency          consumer threads per consumed topic
 * @param replicaId                    how this replica names itself in the run log (default: host and process)
 * @param security                     static bearer tokens (local stack, tests) and JWT claim names
 */
@ConfigurationProperties("reminders")
public record RemindersProperties(String defaultBusinessPhoneNumberId,
                                  @DefaultValue Cadence defaults,
                                  @DefaultValue List<Company> companies,
                                  @DefaultValue Map<String, String> templateLanguageFallbacks,
                                  @DefaultValue Links links,
                                  @DefaultValue Run run,
                                  @DefaultValue Clock clock,
                                  @DefaultValue("1") int listenerConcurrency,
                                  String replicaId,
                                  @DefaultValue StaffSecuritySettings security) {

    public RemindersProperties {
        templateLanguageFallbacks = templateLanguageFallbacks == null || templateLanguageFallbacks.isEmpty()
                ? Map.of("wo", "fr") : Map.copyOf(templateLanguageFallbacks);
    }

    /**
     * A company's cadence; in {@link Company}, a null field takes the defaults' value.
     *
     * @param zone             the company's time zone: its calendar days and the run time are in it
     * @param runAt            the local time of the daily run
     * @param skipDays         days of the week without a run (their reminders go out on the next run day)
     * @param holidays         public holidays without a run
     * @param quietHours       local hours in which nothing is sent, such as {@code 20:00-08:00}
     * @param levels           the dunning levels (days relative to the due date, template, attachment)
     * @param minimumResidual  per currency, the smallest residual worth a reminder
     * @param defaultLanguage  the language of partners whose own is missing or not supported
     * @param optInPolicy      whether partners must have opted in explicitly
     */
    public record Cadence(@DefaultValue("Africa/Dakar") ZoneId zone, @DefaultValue("08:00") LocalTime runAt,
                          @DefaultValue("SUNDAY") List<DayOfWeek> skipDays, @DefaultValue List<LocalDate> holidays,
                          @DefaultValue("20:00-08:00") String quietHours, List<Level> levels,
                          @DefaultValue Map<String, BigDecimal> minimumResidual,
                          @DefaultValue("fr") String defaultLanguage,
                          @DefaultValue("UNLESS_OPTED_OUT") OptInPolicy optInPolicy) {
    }

    /**
     * One ERP company.
     *
     * @param id                    the ERP company id ({@code res.company/1})
     * @param businessPhoneNumberId its number; blank to send nothing for it; absent for the default number
     */
    public record Company(String id, String businessPhoneNumberId, ZoneId zone, LocalTime runAt,
                          List<DayOfWeek> skipDays, List<LocalDate> holidays, String quietHours, List<Level> levels,
                          Map<String, BigDecimal> minimumResidual, String defaultLanguage,
                          OptInPolicy optInPolicy) {
    }

    /**
     * One dunning level.
     *
     * @param days               relative to the due date (negative: a courtesy reminder before it)
     * @param template           the template's name
     * @param templateByLanguage another template name for some languages
     */
    public record Level(int days, String template, @DefaultValue Map<String, String> templateByLanguage,
                        @DefaultValue("PAYMENT_LINK") Attachment attachment) {
    }

    /**
     * The billing-notifier's public links, issued here with its key.
     *
     * @param publicBaseUrl        where customers open {@code /pay} and {@code /documents} links (the notifier's
     *                             {@code notifier.invoices.public-base-url})
     * @param signingKey           the links' HMAC key, the notifier's {@code notifier.invoices.signing-key};
     *                             <b>environment only</b> ({@code REMINDERS_LINKS_SIGNING_KEY}), 32 bytes or more
     * @param provider             the payment provider the link opens ({@code wave}, {@code orange-money})
     * @param payLinkLifetime      a payment link works until the due date plus this
     * @param minimumValidity      at least this long from the reminder (an invoice imported very late)
     * @param attachDocuments      whether levels may attach the invoice's PDF (the notifier's document of the
     *                             invoice's current version)
     * @param documentLinkLifetime how long such a document link works
     */
    public record Links(@DefaultValue("http://localhost:8084") java.net.URI publicBaseUrl, String signingKey,
                        @DefaultValue("wave") String provider, @DefaultValue("400d") Duration payLinkLifetime,
                        @DefaultValue("30d") Duration minimumValidity,
                        @DefaultValue("false") boolean attachDocuments,
                        @DefaultValue("30d") Duration documentLinkLifetime) {

        @Override
        public String toString() {
            return "Links[publicBaseUrl=" + publicBaseUrl + ", provider=" + provider + "]"; // never the key
        }
    }

    /**
     * @param schedulerEnabled whether this replica takes part in the daily runs (the admin API works either way)
     * @param tickInterval     how often a replica checks whether a company's run is due
     * @param initialDelay     the first check after start (a restart catches up the day's run then)
     * @param lockAtMostFor    how long a replica that died mid-run keeps the others out; the run extends it at
     *                         every batch, so it only needs to cover one batch
     * @param lockAtLeastFor   the shortest hold of the lock, so that replicas with slightly different clocks
     *                         do not run one after the other
     * @param batchSize        reminders re-checked, claimed and published together
     * @param publishTimeout   how long a batch waits for Kafka to acknowledge its commands
     */
    public record Run(@DefaultValue("true") boolean schedulerEnabled, @DefaultValue("PT1M") Duration tickInterval,
                      @DefaultValue("PT10S") Duration initialDelay, @DefaultValue("PT2M") Duration lockAtMostFor,
                      @DefaultValue("PT5S") Duration lockAtLeastFor, @DefaultValue("500") int batchSize,
                      @DefaultValue("30s") Duration publishTimeout) {
    }

    /** @param adjustable the local stack's {@code PUT /admin/clock} (never in production) */
    public record Clock(@DefaultValue("false") boolean adjustable) {
    }
}
