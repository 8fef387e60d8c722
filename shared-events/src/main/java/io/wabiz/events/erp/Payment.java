package io.wabiz.events.erp;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment applied to an invoice. */
public record Payment(String reference, BigDecimal amount, LocalDate date, String method) {
}
