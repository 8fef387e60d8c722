package io.wabiz.events.erp;

import java.math.BigDecimal;

/** A line of a sales order or an invoice. */
public record DocumentLine(String productId, String productName, String description, BigDecimal quantity,
                           String unit, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal subtotal) {
}
