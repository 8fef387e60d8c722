package io.wabiz.events.erp;

import io.wabiz.events.Immutables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sales order as the ERP last saw it. */
public record SalesOrder(String orderId, String number, String partnerId, String partnerName, Instant orderDate,
                         LocalDate validityDate, LocalDate commitmentDate, SalesOrderState state, String currency,
                         BigDecimal amountUntaxed, BigDecimal amountTax, BigDecimal amountTotal,
                         List<DocumentLine> lines, String salesperson, String pdfUrl) {

    public SalesOrder {
        lines = Immutables.list(lines);
    }
}
