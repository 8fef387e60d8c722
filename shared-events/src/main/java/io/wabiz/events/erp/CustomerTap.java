package io.wabiz.events.erp;

import java.time.Instant;

/** The customer's button tap that asked for an ERP action: the proof the ERP keeps. */
public record CustomerTap(String businessPhoneNumberId, String customerWaId, String wamid, Instant tappedAt) {
}
