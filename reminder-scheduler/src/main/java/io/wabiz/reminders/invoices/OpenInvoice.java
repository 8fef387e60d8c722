package io.wabiz.reminders.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An invoice as the reminder scheduler keeps it (its own projection of {@code erp.invoices}).
 *
 * @param companyId the ERP company, null when the ERP sends none
 * @param reminded  the reminder-log keys already taken for this invoice ({@code 2026-04-01/10}: due date and
 *                  level), a copy of the log kept here so that planning reads one collection
 */
public record OpenInvoice(String invoiceId, String number, String partnerId, String partnerName, String companyId,
                          LocalDate dueDate, String currency, BigDecimal residual, BigDecimal total,
                          InvoiceStatus status, boolean inDispute, String paymentReference, String version,
                          Instant updatedAt, List<String> reminded) {

    public OpenInvoice {
        reminded = reminded == null ? List.of() : List.copyOf(reminded);
    }

    /** The levels (their days) already in the log for the invoice's current due date. */
    public Set<Integer> remindedLevels() {
        String prefix = dueDate + "/";
        return reminded.stream().filter(k -> k.startsWith(prefix))
                .map(k -> Integer.valueOf(k.substring(prefix.length()))).collect(Collectors.toSet());
    }

    public static String remindedKey(LocalDate dueDate, int levelDays) {
        return dueDate + "/" + levelDays;
    }
}
