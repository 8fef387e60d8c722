package io.wabiz.odoo.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.OptInState;
import io.wabiz.odoo.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customer invoices and partners from Odoo: posted, partly paid, paid; a new customer. */
class InvoiceSyncTest extends ServiceTest {

    @Test
    void aPostedInvoiceThenAPartialThenTheFullPaymentArriveAsPostedUpdatedPaid() {
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_INVOICES)) {
            long order = newQuotation(10);
            inOdoo("sale.order", "action_confirm", List.of(List.of(order)), Map.of());
            long invoice = postedInvoiceOf(order);
            String invoiceId = "account.move/" + invoice;

            Invoice posted = awaitEvents(watcher, InvoicePosted.class, invoiceId, l -> !l.isEmpty()).getFirst()
                    .invoice();
            assertThat(posted.number()).matches("INV/\\d{4}/\\d{5}");
            assertThat(posted.amountTotal()).isEqualTo(new BigDecimal("59000"));
            assertThat(posted.amountResidual()).isEqualTo(new BigDecimal("59000"));
            assertThat(posted.paymentState()).isEqualTo(PaymentState.NOT_PAID);
            assertThat(posted.paymentReference()).isEqualTo(posted.number());
            assertThat(posted.originOrderNumber()).matches("S\\d{5}");
            assertThat(posted.dueDate()).isNotNull();
            assertThat(posted.lines()).singleElement().satisfies(line -> assertThat(line.subtotal())
                    .isEqualTo(new BigDecimal("50000")));
            assertThat(posted.taxes()).singleElement().satisfies(tax -> {
                assertThat(tax.name()).isEqualTo("TVA 18%");
                assertThat(tax.base()).isEqualTo(new BigDecimal("50000"));
                assertThat(tax.amount()).isEqualTo(new BigDecimal("9000"));
            });

            pay(invoice, 20000.0, "Cash 1");
            InvoiceUpdated partial = awaitEvents(watcher, InvoiceUpdated.class, invoiceId, l -> !l.isEmpty())
                    .getFirst();
            assertThat(partial.previousResidual()).isEqualTo(new BigDecimal("59000"));
            assertThat(partial.previousPaymentState()).isEqualTo(PaymentState.NOT_PAID);
            assertThat(partial.invoice().amountResidual()).isEqualTo(new BigDecimal("39000"));
            assertThat(partial.invoice().paymentState()).isEqualTo(PaymentState.PARTIAL);
            assertThat(partial.invoice().payments()).singleElement().satisfies(p -> {
                assertThat(p.reference()).isEqualTo("Cash 1");
                assertThat(p.amount()).isEqualTo(new BigDecimal("20000"));
            });

            pay(invoice, 39000.0, "Cash 2");
            InvoicePaid paid = awaitEvents(watcher, InvoicePaid.class, invoiceId, l -> !l.isEmpty()).getFirst();
            assertThat(paid.invoice().amountResidual()).isEqualTo(new BigDecimal("0"));
            assertThat(paid.invoice().payments()).hasSize(2);
        }
    }

    @Test
    void aNewCustomerArrivesWithHisNumbersLanguageAndCountry() {
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_PARTNERS)) {
            long partner = (Long) inOdoo("res.partner", "create", List.of(Map.of("name", "Ousmane Fall",
                    "parent_id", 42L, "mobile", "77 000 00 07", "phone", "33 800 00 07", "lang", "fr_FR",
                    "country_id", 204L, "email", "ousmane@example.sn")), Map.of());

            PartnerUpserted upserted = awaitEvents(watcher, PartnerUpserted.class, "res.partner/" + partner,
                    l -> !l.isEmpty()).getFirst();

            assertThat(upserted.name()).isEqualTo("Ousmane Fall");
            assertThat(upserted.companyName()).isEqualTo("Awa Diop SARL");
            assertThat(upserted.phoneNumbers()).containsExactly("77 000 00 07", "33 800 00 07");
            assertThat(upserted.language()).isEqualTo("fr_FR");
            assertThat(upserted.countryCode()).isEqualTo("SN");
            assertThat(upserted.whatsappOptIn()).isEqualTo(OptInState.UNKNOWN);
            assertThat(upserted.active()).isTrue();
            assertThat(upserted.companyId()).isNull();

            inOdoo("res.partner", "write", List.of(List.of(partner), Map.of("active", false)), Map.of());
            assertThat(awaitEvents(watcher, PartnerUpserted.class, "res.partner/" + partner, l -> l.size() == 2)
                    .get(1).active()).isFalse();
        }
    }

    private static void pay(long invoice, double amount, String memo) {
        Map<String, Object> context = Map.of("context", Map.of("active_model", "account.move", "active_ids",
                List.of(invoice), "dont_redirect_to_payments", true));
        long wizard = (Long) inOdoo("account.payment.register", "create", List.of(Map.of("amount", amount,
                "communication", memo)), context);
        inOdoo("account.payment.register", "action_create_payments", List.of(List.of(wizard)), context);
    }
}
