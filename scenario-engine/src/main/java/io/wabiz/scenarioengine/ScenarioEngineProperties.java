package io.wabiz.scenarioengine;

import io.wabiz.platform.security.StaffSecuritySettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the scenario engine can be told, under {@code scenario-engine.*}.
 *
 * @param languages            the languages texts are written in; customers speaking another get the default
 * @param defaultLanguage      the language every text must have
 * @param defaultCountry       ISO 3166 alpha-2 region to read partners' national phone numbers
 * @param zone                 the company's time zone: dates in texts, opening hours
 * @param scenarioExpiry       how long a tap on a scenario's message counts; later taps restart it cleanly
 * @param cancelQuestionExpiry how long an "are you sure?" about cancelling waits for its answer
 * @param pendingTimeout       how long a confirm or cancel asked by a tap holds the order when the ERP is silent
 * @param tapRetention         how long the tap ledger remembers a wamid (Meta redelivers webhooks for days)
 * @param publishTimeout       how long a batch waits for Kafka to acknowledge its commands and replies
 * @param listenerConcurrency  consumer threads on whatsapp.inbound.messages
 * @param definitionsRefresh   how often other replicas' definition changes are picked up
 * @param paymentProviders     pay buttons offered for an open invoice, in order: id (as in the notifier) and title
 * @param handOff              when staff answer
 * @param security             the admin API's tokens (platform-security)
 */
@ConfigurationProperties("scenario-engine")
public record ScenarioEngineProperties(@DefaultValue({"fr", "en"}) List<String> languages,
                                       @DefaultValue("fr") String defaultLanguage,
                                       @DefaultValue("SN") String defaultCountry,
                                       @DefaultValue("Africa/Dakar") String zone,
                                       @DefaultValue("2h") Duration scenarioExpiry,
                                       @DefaultValue("15m") Duration cancelQuestionExpiry,
                                       @DefaultValue("10m") Duration pendingTimeout,
                                       @DefaultValue("30d") Duration tapRetention,
                                       @DefaultValue("10s") Duration publishTimeout,
                                       @DefaultValue("2") int listenerConcurrency,
                                       @DefaultValue("5s") Duration definitionsRefresh,
                                       List<PaymentProvider> paymentProviders,
                                       @DefaultValue HandOff handOff,
                                       @DefaultValue StaffSecuritySettings security) {

    public ScenarioEngineProperties {
        paymentProviders = paymentProviders == null || paymentProviders.isEmpty()
                ? List.of(new PaymentProvider("wave", "Wave"), new PaymentProvider("orange-money", "Orange Money"))
                : List.copyOf(paymentProviders);
    }

    public record PaymentProvider(String id, String title) {
    }

    /**
     * @param openingHours  per weekday ({@code MONDAY}), spans such as {@code 08:00-18:00}; a day not listed is closed
     * @param responseTime  how soon staff answer while open
     */
    public record HandOff(@DefaultValue({"MONDAY=08:00-18:00", "TUESDAY=08:00-18:00", "WEDNESDAY=08:00-18:00",
                                         "THURSDAY=08:00-18:00", "FRIDAY=08:00-18:00", "SATURDAY=09:00-13:00"})
                          List<String> openingHours,
                          @DefaultValue("30m") Duration responseTime) {
    }
}
