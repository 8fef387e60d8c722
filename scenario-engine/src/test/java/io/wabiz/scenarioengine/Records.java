package io.wabiz.scenarioengine;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.ReplyContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Records as the ingress and the ERP publish them. */
public final class Records {

    private Records() {
    }

    public static InboundMessageReceived buttonTap(String waId, String wamid, String buttonId, String title) {
        return inbound(waId, wamid, "interactive", new InboundContent.ButtonReply(buttonId, title));
    }

    /** A template's quick-reply button: Meta's {@code type: button} with the payload we set. */
    public static InboundMessageReceived quickReply(String waId, String wamid, String payload, String text) {
        return inbound(waId, wamid, "button", new InboundContent.QuickReply(payload, text));
    }

    public static InboundMessageReceived listTap(String waId, String wamid, String rowId, String title) {
        return inbound(waId, wamid, "interactive", new InboundContent.ListReply(rowId, title, null));
    }

    public static InboundMessageReceived text(String waId, String wamid, String body) {
        return inbound(waId, wamid, "text", new InboundContent.Text(body));
    }

    /** The same customer message as Meta sends it again: a new record id, everything else equal. */
    public static InboundMessageReceived redelivered(InboundMessageReceived m) {
        return new InboundMessageReceived(UUID.randomUUID().toString(), m.occurredAt().plusSeconds(60),
                m.businessPhoneNumberId(), m.displayPhoneNumber(), m.wabaId(), m.customerWaId(), m.customerUserId(),
                m.customerProfileName(), m.wamid(), m.sentAt(), m.type(), m.context(), m.content());
    }

    public static InboundMessageReceived inbound(String waId, String wamid, String type, InboundContent content) {
        Instant sentAt = Instant.now().minusMillis(300);
        return new InboundMessageReceived(UUID.randomUUID().toString(), sentAt.plusMillis(200),
                ServiceTest.BUSINESS_NUMBER, "+221 33 800 00 01", "200000000000001", waId, null, "Awa Diop", wamid,
                sentAt, type, new ReplyContext("221338000001", "wamid.OURMESSAGE", null, null, null), content);
    }

    public static SalesOrder order(String orderId, String partnerId, SalesOrderState state, String version,
                                   String total) {
        return new SalesOrder(orderId, "S" + orderId.replaceAll("\\D", ""), partnerId, "Diop SARL",
                Instant.parse("2026-11-20T10:00:00Z"), LocalDate.parse("2026-12-20"), null, state, "XOF",
                new BigDecimal(total), BigDecimal.ZERO, new BigDecimal(total),
                List.of(new DocumentLine("product/1", "Ciment 50 kg", null, new BigDecimal("10"), "sac",
                        new BigDecimal(total).divide(BigDecimal.TEN), BigDecimal.ZERO, new BigDecimal(total))),
                "Moussa", null, "company/1", version);
    }

    public static SalesOrderCreated orderCreated(SalesOrder order) {
        return new SalesOrderCreated(UUID.randomUUID().toString(), Instant.now(), order);
    }

    public static SalesOrderUpdated orderUpdated(SalesOrder order) {
        return new SalesOrderUpdated(UUID.randomUUID().toString(), Instant.now(), order);
    }

    public static SalesOrderStateChanged orderStateChanged(SalesOrder order, SalesOrderState previous) {
        return new SalesOrderStateChanged(UUID.randomUUID().toString(), Instant.now(), previous, order);
    }

    public static Invoice invoice(String invoiceId, String partnerId, String total, String residual,
                                  PaymentState state, LocalDate due) {
        return new Invoice(invoiceId, "INV/2026/" + invoiceId.replaceAll("\\D", ""), partnerId, "Diop SARL",
                due.minusDays(30), due, "XOF", new BigDecimal(total), BigDecimal.ZERO, new BigDecimal(total),
                new BigDecimal(residual), state, "INV-REF", null, List.of(), List.of(), "company/1", "1", null,
                List.of());
    }

    public static InvoicePosted invoicePosted(Invoice invoice) {
        return new InvoicePosted(UUID.randomUUID().toString(), Instant.now(), invoice);
    }

    public static InvoiceUpdated invoiceUpdated(Invoice invoice, BigDecimal previousResidual) {
        return new InvoiceUpdated(UUID.randomUUID().toString(), Instant.now(), previousResidual, PaymentState.NOT_PAID,
                invoice);
    }

    public static PartnerUpserted partner(String partnerId, String name, String language, String... phones) {
        return new PartnerUpserted(UUID.randomUUID().toString(), Instant.now(), partnerId, name, "Diop SARL",
                List.of(phones), null, language, "SN", OptInState.OPTED_IN, true, "company/1");
    }
}
