package io.wabiz.reminders.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.reminders.MongoCollections;
import io.wabiz.reminders.Records;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceProjectionTest {

    private static final LocalDate DUE = LocalDate.of(2026, 4, 1);
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-05T10:00:00Z");

    private final MongoDatabase db = MongoCollections.freshDatabase();
    private final InvoiceProjection projection = new InvoiceProjection(db.getCollection("invoices"),
            new Companies(db.getCollection("companies")));

    private static Invoice invoice(String residual, PaymentState state, String version) {
        return Records.invoice("account.move/1", "res.partner/1", "res.company/1", DUE, residual, state, version,
                false);
    }

    @Test
    void keepsTheNewestStateWhateverOrderTheEventsArriveIn() {
        projection.apply(Records.updated(invoice("50000", PaymentState.PARTIAL, "2"), T2));

        boolean older = projection.apply(Records.posted(invoice("150000", PaymentState.NOT_PAID, "1"), T1));

        assertThat(older).isFalse();
        OpenInvoice stored = projection.byId("account.move/1").orElseThrow();
        assertThat(stored.residual()).isEqualByComparingTo("50000");
        assertThat(stored.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(stored.version()).isEqualTo("2");
        assertThat(stored.companyId()).isEqualTo("res.company/1");
    }

    @Test
    void aLatePostedEventDoesNotReopenAPaidInvoice() {
        projection.apply(Records.posted(invoice("150000", PaymentState.NOT_PAID, "1"), T1));
        projection.apply(Records.paid(invoice("150000", PaymentState.NOT_PAID, "2"), T2));

        projection.apply(Records.posted(invoice("150000", PaymentState.NOT_PAID, "1"), T1));

        assertThat(projection.byId("account.move/1").orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aPaymentAtTheSameStampAsTheLastUpdateStillClosesTheInvoice() {
        projection.apply(Records.updated(invoice("150000", PaymentState.NOT_PAID, "3"), T2));

        projection.apply(Records.paid(invoice("150000", PaymentState.NOT_PAID, "3"), T2));

        assertThat(projection.byId("account.move/1").orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void theSameEventTwiceChangesNothingTheSecondTime() {
        var posted = Records.posted(invoice("150000", PaymentState.NOT_PAID, "1"), T1);

        assertThat(projection.apply(posted)).isTrue();
        assertThat(projection.apply(posted)).isFalse();
    }

    @Test
    void statusFollowsThePaymentStateAndResidual() {
        assertThat(InvoiceStatus.of(PaymentState.NOT_PAID, new BigDecimal("10"))).isEqualTo(InvoiceStatus.OPEN);
        assertThat(InvoiceStatus.of(PaymentState.PARTIAL, new BigDecimal("10"))).isEqualTo(InvoiceStatus.OPEN);
        assertThat(InvoiceStatus.of(PaymentState.IN_PAYMENT, new BigDecimal("10"))).isEqualTo(InvoiceStatus.PAID);
        assertThat(InvoiceStatus.of(PaymentState.NOT_PAID, BigDecimal.ZERO)).isEqualTo(InvoiceStatus.PAID);
        assertThat(InvoiceStatus.of(PaymentState.REVERSED, new BigDecimal("10"))).isEqualTo(InvoiceStatus.CANCELLED);
        assertThat(InvoiceStatus.of(PaymentState.UNKNOWN, new BigDecimal("10")))
                .isEqualTo(InvoiceStatus.STATE_UNKNOWN);
    }

    @Test
    void streamsOnlyTheCompanysOpenInvoicesDueByTheDay() {
        projection.apply(Records.posted(Records.invoice("account.move/10", "p", "res.company/1", DUE, "100",
                PaymentState.NOT_PAID, "1", false), T1));
        projection.apply(Records.posted(Records.invoice("account.move/11", "p", "res.company/1", DUE.plusDays(10),
                "100", PaymentState.NOT_PAID, "1", false), T1));
        projection.apply(Records.posted(Records.invoice("account.move/12", "p", "res.company/2", DUE, "100",
                PaymentState.NOT_PAID, "1", false), T1));
        projection.apply(Records.paid(Records.invoice("account.move/13", "p", "res.company/1", DUE, "100",
                PaymentState.NOT_PAID, "1", false), T1));
        projection.apply(Records.posted(Records.invoice("account.move/14", "p", null, DUE, "100",
                PaymentState.NOT_PAID, "1", false), T1));

        List<String> seen = new ArrayList<>();
        projection.forEachOpen("res.company/1", DUE.plusDays(3), 1, batch -> batch.forEach(i -> seen.add(i.invoiceId())));
        List<String> none = new ArrayList<>();
        projection.forEachOpen(Companies.NO_COMPANY, DUE, 10, batch -> batch.forEach(i -> none.add(i.invoiceId())));

        assertThat(seen).containsExactly("account.move/10");
        assertThat(none).containsExactly("account.move/14");
    }

    @Test
    void remindedKeysAreASetPerDueDate() {
        projection.apply(Records.posted(invoice("150000", PaymentState.NOT_PAID, "1"), T1));

        projection.addReminded(Map.of("account.move/1", List.of(OpenInvoice.remindedKey(DUE, -3),
                OpenInvoice.remindedKey(DUE, 3), OpenInvoice.remindedKey(DUE.minusDays(5), 10))));
        projection.addReminded(Map.of("account.move/1", List.of(OpenInvoice.remindedKey(DUE, 3))));

        OpenInvoice stored = projection.byId("account.move/1").orElseThrow();
        assertThat(stored.reminded()).hasSize(3);
        assertThat(stored.remindedLevels()).containsExactlyInAnyOrder(-3, 3);
    }

    @Test
    void refusesAnInvoiceWithoutItsDueDate() {
        Invoice noDueDate = new Invoice("account.move/2", "INV/2", "p", "n", null, null, "XOF", null, null, null,
                new BigDecimal("1"), PaymentState.NOT_PAID, null, null, List.of(), List.of());

        assertThatThrownBy(() -> projection.apply(Records.posted(noDueDate, T1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no due date");
    }
}
