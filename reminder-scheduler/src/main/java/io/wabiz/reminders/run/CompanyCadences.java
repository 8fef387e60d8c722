package io.wabiz.reminders.run;

import io.wabiz.notification.routing.BusinessNumberRouting;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.reminders.RemindersProperties;
import io.wabiz.reminders.cadence.CompanyCadence;
import io.wabiz.reminders.cadence.DunningLevel;
import io.wabiz.reminders.cadence.DunningSchedule;
import io.wabiz.reminders.cadence.QuietHours;
import io.wabiz.reminders.cadence.RunCalendar;
import io.wabiz.reminders.invoices.Companies;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each company's cadence and route: the configured companies with what they change, every other company (and
 * invoices without one) with the defaults. The route comes from the platform's {@link BusinessNumberRouting}, so a
 * company speaks through the same number as for its other notifications.
 */
public final class CompanyCadences {

    private final Map<String, CompanyCadence> configured;
    private final RemindersProperties.Cadence defaults;
    private final BusinessNumberRouting routing;

    CompanyCadences(Map<String, CompanyCadence> configured, RemindersProperties.Cadence defaults,
                    BusinessNumberRouting routing) {
        this.configured = Map.copyOf(configured);
        this.defaults = defaults;
        this.routing = routing;
    }

    public static CompanyCadences from(RemindersProperties properties) {
        RemindersProperties.Cadence defaults = properties.defaults();
        Map<String, CompanyCadence> configured = new LinkedHashMap<>();
        Map<String, BusinessNumberRouting.Company> routes = new LinkedHashMap<>();
        for (RemindersProperties.Company company : properties.companies()) {
            if (company.id() == null || company.id().isBlank()) {
                throw new IllegalArgumentException("reminders.companies: every company needs an id");
            }
            if (configured.containsKey(company.id())) {
                throw new IllegalArgumentException("reminders.companies: " + company.id() + " is listed twice");
            }
            RemindersProperties.Cadence merged = new RemindersProperties.Cadence(
                    pick(company.zone(), defaults.zone()), pick(company.runAt(), defaults.runAt()),
                    pick(company.skipDays(), defaults.skipDays()), pick(company.holidays(), defaults.holidays()),
                    pick(company.quietHours(), defaults.quietHours()), pick(company.levels(), defaults.levels()),
                    pick(company.minimumResidual(), defaults.minimumResidual()),
                    pick(company.defaultLanguage(), defaults.defaultLanguage()),
                    pick(company.optInPolicy(), defaults.optInPolicy()));
            configured.put(company.id(), cadence(company.id(), merged));
            routes.put(company.id(), new BusinessNumberRouting.Company(company.businessPhoneNumberId(),
                    merged.zone(), merged.defaultLanguage(), merged.optInPolicy()));
        }
        BusinessNumberRouting routing = new BusinessNumberRouting(routes, new BusinessNumberRouting.Company(
                properties.defaultBusinessPhoneNumberId(), defaults.zone(), defaults.defaultLanguage(),
                defaults.optInPolicy()));
        return new CompanyCadences(configured, defaults, routing);
    }

    /** The cadence of a company (its run key; {@link Companies#NO_COMPANY} for invoices without one). */
    public CompanyCadence cadence(String company) {
        CompanyCadence own = configured.get(company);
        return own != null ? own : cadence(company, defaults);
    }

    /** The business number and language defaults of a company; empty when no number speaks for it. */
    public Optional<CompanyRoute> route(String company) {
        return routing.route(Companies.NO_COMPANY.equals(company) ? null : company);
    }

    /** The companies to go over: the configured ones and those seen in invoices. */
    public Set<String> companies(List<String> seen) {
        Set<String> all = new HashSet<>(configured.keySet());
        all.addAll(seen);
        return all;
    }

    /** Every distinct set of levels in use, to check their templates at start. */
    public Map<String, List<DunningLevel>> levelsByCompany() {
        Map<String, List<DunningLevel>> levels = new LinkedHashMap<>();
        levels.put("defaults", cadence("defaults", defaults).schedule().levels());
        configured.forEach((id, cadence) -> levels.put(id, cadence.schedule().levels()));
        return levels;
    }

    public String defaultLanguage(String company) {
        return route(company).map(CompanyRoute::defaultLanguage).orElse(defaults.defaultLanguage());
    }

    private static CompanyCadence cadence(String company, RemindersProperties.Cadence settings) {
        DunningSchedule schedule = settings.levels() == null || settings.levels().isEmpty()
                ? DunningSchedule.defaults()
                : new DunningSchedule(settings.levels().stream().map(l -> new DunningLevel(l.days(), l.template(),
                        l.templateByLanguage(), l.attachment())).toList());
        RunCalendar calendar = new RunCalendar(settings.zone(), settings.runAt(), Set.copyOf(settings.skipDays()),
                Set.copyOf(settings.holidays()), quietHours(settings.quietHours()));
        return new CompanyCadence(company, calendar, schedule, settings.minimumResidual());
    }

    /** {@code 20:00-08:00}; blank or {@code none}: no quiet hours. */
    static QuietHours quietHours(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return QuietHours.NONE;
        }
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("quiet hours are written HH:MM-HH:MM, such as 20:00-08:00: " + text);
        }
        return new QuietHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
