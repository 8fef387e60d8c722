package io.wabiz.console.costs;

import io.wabiz.console.ConsoleProperties.RateCard;
import io.wabiz.console.api.ConversationsApi.Message;
import io.wabiz.events.phone.PhoneNumbers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Business messages of a period counted by Meta's pricing category (from the status webhooks' pricing fields),
 * per day, per customer country and per customer, with an estimate of Meta's charges from the rate card.
 * Messages Meta has not priced yet (pending, failed) are counted apart and cost nothing.
 */
public final class CostReport {

    public static final String NOT_PRICED = "not_priced";
    /** The order categories are shown in; others follow. */
    public static final List<String> CATEGORIES = List.of("marketing", "utility", "authentication", "service",
            "referral_conversion", NOT_PRICED);

    /** @param counts messages by category */
    public record Line(String label, String detail, Map<String, Long> counts, long total, BigDecimal estimate) {
    }

    private final RateCard rates;
    private final ZoneId zone;
    private final Map<LocalDate, Tally> byDay = new TreeMap<>();
    private final Map<String, Tally> byCountry = new TreeMap<>();
    private final Map<String, Tally> byCustomer = new LinkedHashMap<>();
    private final Map<String, String> customerNames = new LinkedHashMap<>();
    private final Tally total = new Tally();

    public CostReport(RateCard rates, ZoneId zone, LocalDate from, LocalDate to) {
        this.rates = rates;
        this.zone = zone;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            byDay.put(day, new Tally());
        }
    }

    /** Counts one business message (customer messages cost nothing and are not passed here). */
    public void add(Message message) {
        String category = message.pricingCategory() == null ? NOT_PRICED
                : message.pricingCategory().toLowerCase(Locale.ROOT);
        String country = PhoneNumbers.countryOf(message.customerWaId()).orElse("??");
        BigDecimal rate = NOT_PRICED.equals(category) ? BigDecimal.ZERO : rates.rate(country, category);
        LocalDate day = message.at().atZone(zone).toLocalDate();
        byDay.computeIfAbsent(day, d -> new Tally()).add(category, rate);
        byCountry.computeIfAbsent(country, c -> new Tally()).add(category, rate);
        byCustomer.computeIfAbsent(message.customerWaId(), c -> new Tally()).add(category, rate);
        if (message.customerProfileName() != null) {
            customerNames.putIfAbsent(message.customerWaId(), message.customerProfileName());
        }
        total.add(category, rate);
    }

    public List<Line> days() {
        List<Line> lines = new ArrayList<>();
        byDay.forEach((day, tally) -> lines.add(tally.line(day.toString(), null)));
        return lines;
    }

    public List<Line> countries() {
        return byCountry.entrySet().stream().map(e -> e.getValue().line(e.getKey(), null))
                .sorted(Comparator.comparing(Line::estimate).thenComparing(Line::total).reversed()).toList();
    }

    /** The customers who cost the most, first. */
    public List<Line> customers(int limit) {
        return byCustomer.entrySet().stream()
                .map(e -> e.getValue().line("+" + e.getKey(), customerNames.get(e.getKey())))
                .sorted(Comparator.comparing(Line::estimate).thenComparing(Line::total).reversed()).limit(limit).toList();
    }

    public Line total() {
        return total.line("total", null);
    }

    public String currency() {
        return rates.currency();
    }

    /** The categories that occur, in the usual order. */
    public List<String> categories() {
        List<String> present = new ArrayList<>();
        for (String category : CATEGORIES) {
            if (total.counts.containsKey(category)) {
                present.add(category);
            }
        }
        total.counts.keySet().stream().filter(c -> !present.contains(c)).sorted().forEach(present::add);
        return present;
    }

    public long busiestDay() {
        return byDay.values().stream().mapToLong(t -> t.count).max().orElse(0);
    }

    private static final class Tally {
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private long count;
        private BigDecimal estimate = BigDecimal.ZERO;

        void add(String category, BigDecimal rate) {
            counts.merge(category, 1L, Long::sum);
            count++;
            estimate = estimate.add(rate);
        }

        Line line(String label, String detail) {
            return new Line(label, detail, Map.copyOf(counts), count, estimate);
        }
    }
}
