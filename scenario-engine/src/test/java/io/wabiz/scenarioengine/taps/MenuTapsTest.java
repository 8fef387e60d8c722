package io.wabiz.scenarioengine.taps;

import static io.wabiz.scenarioengine.Records.invoice;
import static io.wabiz.scenarioengine.Records.invoicePosted;
import static io.wabiz.scenarioengine.Records.listTap;
import static io.wabiz.scenarioengine.Records.partner;
import static io.wabiz.scenarioengine.Records.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.scenarioengine.Records;
import io.wabiz.scenarioengine.ServiceTest;
import io.wabiz.scenarioengine.orders.DocumentProjection;
import io.wabiz.scenarioengine.partners.PartnerDirectory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The default menu: keywords, "Mes factures" from the projection, pay buttons, the hand-off. */
class MenuTapsTest extends ServiceTest {

    @Autowired
    DocumentProjection documents;
    @Autowired
    PartnerDirectory partners;

    private String customerWithPartner(String partnerId, String language) {
        String waId = newCustomer();
        kafka.publish(partner(partnerId, "Awa Diop", language, "+" + waId));
        await().atMost(Duration.ofSeconds(20)).until(() -> partners.byWaIds(List.of(waId)).containsKey(waId));
        return waId;
    }

    private SendMessage menuFor(String waId, String keyword) {
        String wamid = newWamid();
        kafka.publish(text(waId, wamid, keyword));
        return out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
    }

    @Test
    void menuKeywordIgnoringCaseAndAccentsSendsTheDefaultMenu() {
        String waId = customerWithPartner(newId("res.partner"), "fr_FR");
        OutboundContent.ListMessage menu = (OutboundContent.ListMessage) menuFor(waId, "  MÉNU ! ").content();
        assertThat(menu.body()).contains("Awa Diop");
        assertThat(menu.sections().getFirst().rows()).extracting(OutboundContent.ListRow::title)
                .containsExactly("Mes commandes", "Mes factures", "Parler à un conseiller");
        assertThat(menu.sections().getFirst().rows().get(1).id()).isEqualTo("scenario:menu:invoices:v1");
    }

    @Test
    void englishKeywordAnswersInEnglish() {
        String waId = customerWithPartner(newId("res.partner"), "fr_FR");
        OutboundContent.ListMessage menu = (OutboundContent.ListMessage) menuFor(waId, "Help").content();
        assertThat(menu.sections().getFirst().rows()).extracting(OutboundContent.ListRow::title)
                .containsExactly("My orders", "My invoices", "Talk to an advisor");
    }

    @Test
    void mesFacturesListsTheCustomersOpenInvoicesWithResidualsFromTheProjection() {
        String partnerId = newId("res.partner");
        String waId = customerWithPartner(partnerId, "fr_FR");
        Invoice older = invoice(newId("account.move"), partnerId, "200000", "50000", PaymentState.PARTIAL,
                LocalDate.now().minusDays(10));
        Invoice newer = invoice(newId("account.move"), partnerId, "90000", "90000", PaymentState.NOT_PAID,
                LocalDate.now().plusDays(20));
        Invoice paid = invoice(newId("account.move"), partnerId, "10000", "0", PaymentState.PAID, LocalDate.now());
        List.of(older, newer, paid).forEach(i -> kafka.publish(invoicePosted(i)));
        await().atMost(Duration.ofSeconds(20)).until(() -> documents.invoices(List.of(older.invoiceId(),
                newer.invoiceId(), paid.invoiceId())).size() == 3);
        menuFor(waId, "menu");
        String wamid = newWamid();
        kafka.publish(listTap(waId, wamid, "scenario:menu:invoices:v1", "Mes factures"));

        OutboundContent.ListMessage list = (OutboundContent.ListMessage) out.awaitEvent(SendMessage.class,
                m -> wamid.equals(m.replyToWamid())).content();
        assertThat(list.body()).contains("2 factures");
        List<OutboundContent.ListRow> rows = list.sections().getFirst().rows();
        assertThat(rows).extracting(OutboundContent.ListRow::id).containsExactly(
                "invoice:" + older.invoiceId() + ":details:v1", "invoice:" + newer.invoiceId() + ":details:v1");
        assertThat(rows.getFirst().description()).contains("50\u202F000");
    }

    @Test
    void factureKeywordWithOneOpenInvoiceOffersPayButtonsAndPayAsksTheNotifierForThatProvider() {
        String partnerId = newId("res.partner");
        String waId = customerWithPartner(partnerId, "fr_FR");
        Invoice open = invoice(newId("account.move"), partnerId, "118000", "118000", PaymentState.NOT_PAID,
                LocalDate.now().plusDays(5));
        kafka.publish(invoicePosted(open));
        await().atMost(Duration.ofSeconds(20)).until(() -> !documents.invoices(List.of(open.invoiceId())).isEmpty());

        OutboundContent.ReplyButtons offer = (OutboundContent.ReplyButtons) menuFor(waId, "Factures").content();
        assertThat(offer.body()).contains(open.number()).contains("118\u202F000");
        assertThat(offer.buttons()).extracting(OutboundContent.ReplyButton::id).containsExactly(
                "invoice:" + open.invoiceId() + ":pay:wave:v1", "invoice:" + open.invoiceId() + ":pay:orange-money:v1",
                "invoice:" + open.invoiceId() + ":details:v1");

        String wamid = newWamid();
        kafka.publish(io.wabiz.scenarioengine.Records.buttonTap(waId, wamid, offer.buttons().getFirst().id(), "Wave"));
        SendDocumentDetails request = out.awaitEvent(SendDocumentDetails.class,
                d -> d.documentId().equals(open.invoiceId()));
        assertThat(request.paymentProvider()).isEqualTo("wave");
        assertThat(request.requestedByWamid()).isEqualTo(wamid);
    }

    @Test
    void mesCommandesListsTheCustomersOpenOrdersFromTheProjection() {
        String partnerId = newId("res.partner");
        String waId = customerWithPartner(partnerId, "fr_FR");
        SalesOrder quotation = Records.order(newId("sale.order"), partnerId, SalesOrderState.QUOTATION_SENT, "2", "40000");
        SalesOrder confirmed = Records.order(newId("sale.order"), partnerId, SalesOrderState.CONFIRMED, "3", "75000");
        SalesOrder cancelled = Records.order(newId("sale.order"), partnerId, SalesOrderState.CANCELLED, "1", "9000");
        List.of(quotation, confirmed, cancelled).forEach(o -> kafka.publish(Records.orderCreated(o)));
        await().atMost(Duration.ofSeconds(20)).until(() -> documents.orders(List.of(quotation.orderId(),
                confirmed.orderId(), cancelled.orderId())).size() == 3);
        menuFor(waId, "menu");
        String wamid = newWamid();
        kafka.publish(listTap(waId, wamid, "scenario:menu:orders:v1", "Mes commandes"));

        OutboundContent.ListMessage list = (OutboundContent.ListMessage) out.awaitEvent(SendMessage.class,
                m -> wamid.equals(m.replyToWamid())).content();
        assertThat(list.body()).contains("2 commandes");
        assertThat(list.sections().getFirst().rows()).extracting(OutboundContent.ListRow::id)
                .containsExactlyInAnyOrder("order:" + quotation.orderId() + ":details:v2",
                        "order:" + confirmed.orderId() + ":details:v3");
    }

    @Test
    void invoiceDetailsAndPdfButtonsAskTheNotifierForThatInvoice() {
        String partnerId = newId("res.partner");
        String waId = customerWithPartner(partnerId, "fr_FR");
        Invoice open = invoice(newId("account.move"), partnerId, "60000", "60000", PaymentState.NOT_PAID,
                LocalDate.now().plusDays(5));
        kafka.publish(invoicePosted(open));
        await().atMost(Duration.ofSeconds(20)).until(() -> !documents.invoices(List.of(open.invoiceId())).isEmpty());

        String details = newWamid();
        kafka.publish(Records.buttonTap(waId, details, "invoice:" + open.invoiceId() + ":details:v1", "Détails"));
        SendDocumentDetails detailsRequest = out.awaitEvent(SendDocumentDetails.class,
                d -> details.equals(d.requestedByWamid()));
        assertThat(detailsRequest.documentId()).isEqualTo(open.invoiceId());
        assertThat(detailsRequest.kind()).isEqualTo(NotificationKind.INVOICE_DETAILS);

        String pdf = newWamid();
        kafka.publish(Records.buttonTap(waId, pdf, "invoice:" + open.invoiceId() + ":pdf:v1", "PDF"));
        SendDocumentDetails pdfRequest = out.awaitEvent(SendDocumentDetails.class,
                d -> pdf.equals(d.requestedByWamid()));
        assertThat(pdfRequest.documentId()).isEqualTo(open.invoiceId());
        assertThat(pdfRequest.kind()).isEqualTo(NotificationKind.INVOICE);
        assertThat(pdfRequest.customerWaId()).isEqualTo(waId);
    }

    @Test
    void advisorOptionHandsTheConversationToStaffAndTellsTheCustomerWhen() {
        String partnerId = newId("res.partner");
        String waId = customerWithPartner(partnerId, "fr_FR");
        menuFor(waId, "menu");
        String wamid = newWamid();
        kafka.publish(listTap(waId, wamid, "scenario:menu:advisor:v1", "Parler à un conseiller"));

        HandOffRequested handOff = out.awaitEvent(HandOffRequested.class, h -> wamid.equals(h.requestedByWamid()));
        assertThat(handOff.customerWaId()).isEqualTo(waId);
        assertThat(handOff.partnerIds()).containsExactly(partnerId);
        assertThat(handOff.key()).isEqualTo(BUSINESS_NUMBER + ":" + waId);
        assertThat(handOff.expectedAnswerBy()).isAfter(handOff.occurredAt());
        SendMessage told = out.awaitEvent(SendMessage.class, m -> wamid.equals(m.replyToWamid()));
        assertThat(((OutboundContent.Text) told.content()).body()).contains("conseiller");
    }

    @Test
    void menuTapWithoutAnOpenMenuRestartsTheMenuCleanly() {
        String waId = customerWithPartner(newId("res.partner"), "fr_FR");
        String wamid = newWamid();
        // a tap on a menu sent long ago: the conversation has no open scenario
        kafka.publish(listTap(waId, wamid, "scenario:menu:orders:v1", "Mes commandes"));

        await().atMost(Duration.ofSeconds(20)).until(() -> out.events(SendMessage.class).stream()
                .filter(m -> wamid.equals(m.replyToWamid())).count() == 2);
        List<SendMessage> answers = out.events(SendMessage.class).stream().filter(m -> wamid.equals(m.replyToWamid()))
                .toList();
        assertThat(((OutboundContent.Text) answers.get(0).content()).body()).contains("expiré");
        assertThat(answers.get(1).content()).isInstanceOf(OutboundContent.ListMessage.class);
    }

    @Test
    void textThatIsNoKeywordSendsNothing() {
        String waId = newCustomer();
        kafka.publish(text(waId, newWamid(), "Bonjour, ma livraison arrive quand ?"));
        assertNone(SendMessage.class, m -> waId.equals(m.recipientWaId()), Duration.ofSeconds(2));
    }
}
