package io.wabiz.reminders;

import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Records as the ERP (through the odoo-connector) and the sender publish them. */
public final class Records {

    private Records() {
    }

    /** A Senegalese mobile number no other test uses, as typed in the ERP. */
    public static String newPhone() {
        return "+221 77 " + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    public static String waIdOf(String typedPhone) {
        return typedPhone.replaceAll("[^0-9]", "");
    }

    public static PartnerUpserted partner(String partnerId, String name, String phone, String language,
                                          OptInState optIn, boolean active, Instant at) {
        return new PartnerUpserted(UUID.randomUUID().toString(), at, partnerId, name, "Quincaillerie " + name,
                phone == null ? List.of() : List.of(phone), null, language, "SN", optIn, active, null);
    }

    public static PartnerUpserted partner(String partnerId, String phone) {
        return partner(partnerId, "Awa Diop", phone, "fr_FR", OptInState.OPTED_IN, true, Instant.parse(
                "2026-01-01T00:00:00Z"));
    }

    public static Invoice invoice(String invoiceId, String partnerId, String companyId, LocalDate dueDate,
                                  String residual, PaymentState state, String version, boolean disputed) {
        BigDecimal amount = new BigDecimal(residual);
        return new Invoice(invoiceId, "INV/2026/" + invoiceId.replaceAll("[^0-9]", ""), partnerId, "Awa Diop",
                dueDate.minusDays(30), dueDate, "XOF", amount, BigDecimal.ZERO, amount.max(new BigDecimal("295000")),
                amount, state, "REF-" + invoiceId, "S0001", List.of(), List.of(), companyId, version, disputed,
                List.of());
    }

    public static InvoicePosted posted(Invoice invoice, Instant at) {
        return new InvoicePosted(UUID.randomUUID().toString(), at, invoice);
    }

    public static InvoiceUpdated updated(Invoice invoice, Instant at) {
        return new InvoiceUpdated(UUID.randomUUID().toString(), at, null, null, invoice);
    }

    public static InvoicePaid paid(Invoice invoice, Instant at) {
        return new InvoicePaid(UUID.randomUUID().toString(), at, withResidual(invoice, "0", PaymentState.PAID));
    }

    public static InvoiceCancelled cancelled(Invoice invoice, Instant at) {
        return new InvoiceCancelled(UUID.randomUUID().toString(), at, invoice);
    }

    public static Invoice withResidual(Invoice i, String residual, PaymentState state) {
        return new Invoice(i.invoiceId(), i.number(), i.partnerId(), i.partnerName(), i.invoiceDate(), i.dueDate(),
                i.currency(), i.amountUntaxed(), i.amountTax(), i.amountTotal(), new BigDecimal(residual), state,
                i.paymentReference(), i.originOrderNumber(), i.lines(), i.payments(), i.companyId(), i.version(),
                i.inDispute(), i.taxes());
    }

    public static MessageAccepted accepted(SendMessage command, String wamid, Instant at) {
        return new MessageAccepted(UUID.randomUUID().toString(), at, command.id(), command.idempotencyKey(),
                command.businessPhoneNumberId(), command.recipientWaId(), wamid, SendForm.TEMPLATE, command.content(),
                command.correlation(), null);
    }

    public static MessageRejected rejected(SendMessage command, int code, String title, String help, Instant at) {
        return new MessageRejected(UUID.randomUUID().toString(), at, command.id(), command.idempotencyKey(),
                command.businessPhoneNumberId(), command.recipientWaId(), code, title, "Meta refused the message",
                help, false, command.content(), command.correlation());
    }
}
