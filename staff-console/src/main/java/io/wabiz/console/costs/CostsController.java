package io.wabiz.console.costs;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.console.api.ApiPage;
import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.ConversationsApi.Message;
import io.wabiz.console.web.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the business messages of a period cost: counts by Meta's pricing category per day, per country and per
 * customer, and the estimate from the configured rate card, as charts and tables. Reads the period's business
 * messages from the history (at most {@code console.costs-max-messages}; the page says when it stopped there).
 */
@Controller
public class CostsController {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 92;
    private static final int API_PAGE = 200;

    private final ConversationsApi api;
    private final ConsoleProperties properties;
    private final Formats formats;

    public CostsController(ConversationsApi api, ConsoleProperties properties, Formats formats) {
        this.api = api;
        this.properties = properties;
        this.formats = formats;
    }

    @GetMapping("/costs")
    public String costs(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        Model model) {
        LocalDate last = date(to, formats.today());
        LocalDate first = date(from, last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            first = last;
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            first = last.minusDays(MAX_DAYS - 1);
        }
        CostReport report = new CostReport(properties.rateCard(), formats.zone(), first, last);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("direction", "OUTBOUND");
        query.put("from", first.atStartOfDay(formats.zone()).toInstant().toString());
        query.put("to", last.plusDays(1).atStartOfDay(formats.zone()).toInstant().toString());
        query.put("order", "asc");
        query.put("size", Integer.toString(API_PAGE));
        int read = 0;
        boolean truncated = false;
        for (int page = 0; ; page++) {
            query.put("page", Integer.toString(page));
            ApiPage<Message> found = api.messages(query);
            for (Message message : found.items()) {
                report.add(message);
            }
            read += found.items().size();
            if (!found.hasNext()) {
                break;
            }
            if (read >= properties.costsMaxMessages()) {
                truncated = true;
                break;
            }
        }
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("report", report);
        model.addAttribute("read", read);
        model.addAttribute("truncated", truncated);
        model.addAttribute("chart", CostChart.of(report, formats));
        return "costs";
    }

    private static LocalDate date(String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
