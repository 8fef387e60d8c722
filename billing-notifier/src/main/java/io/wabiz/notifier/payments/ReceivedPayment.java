package io.wabiz.notifier.payments;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A payment a provider confirmed, by its transaction: the ledger that makes "paid" reach the ERP once.
 *
 * @param id        {@code provider:transactionId}, unique: a replayed callback finds it and books nothing
 * @param published    whether {@code PaymentReceived} was acknowledged by Kafka (a crash in between publishes
 *                     again, with the same event id)
 * @param claimedUntil until when the callback that booked it (or took it over) is publishing it: a callback
 *                     replayed meanwhile publishes nothing, one after it publishes what was left unpublished
 */
@Document(ReceivedPayment.COLLECTION)
public record ReceivedPayment(@Id String id, String sessionReference, String invoiceId, BigDecimal amount,
                              String currency, Instant paidAt, boolean published, Instant receivedAt,
                              Instant claimedUntil) {

    public static final String COLLECTION = "payments_received";
}
