package io.wabiz.events.erp;

import io.wabiz.events.Immutables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales order as the ERP last saw it.
 *
 * @param companyId the ERP company the order belongs to: it chooses the business number that speaks for it
 * @param version   the order's version in the ERP (its revision or write date, letters and digits): a button
 *                  built from this version is recognisable as stale once the order changed
 */
public record SalesOrder(String orderId, String number, String partnerId, String partnerName, Instant orderDate,
                         LocalDate validityDate, LocalDate commitmentDate, SalesOrderState state, String currency,
                         BigDecimal amountUntaxed, BigDecimal amountTax, BigDecimal amountTotal,
                         List<DocumentLine> lines, String salesperson, String pdfUrl, String companyId,
                         String version) {

    public SalesOrder {
        lines = Immutables.list(lines);
    }

    /** The form before the company and the version were added. */
    public SalesOrder(String orderId, String number, String partnerId, String partnerName, Instant orderDate,
                      LocalDate validityDate, LocalDate commitmentDate, SalesOrderState state, String currency,
                      BigDecimal amountUntaxed, BigDecimal amountTax, BigDecimal amountTotal,
                      List<DocumentLine> lines, String salesperson, String pdfUrl) {
        this(orderId, number, partnerId, partnerName, orderDate, validityDate, commitmentDate, state, currency,
                amountUntaxed, amountTax, amountTotal, lines, salesperson, pdfUrl, null, null);
    }
}
