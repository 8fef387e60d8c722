package io.wabiz.odoo.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.OdooReleases;
import io.wabiz.odoo.commands.CommandLog;
import io.wabiz.odoo.commands.PaymentBooking;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoosim.EmbeddedStandIn;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The same documents read from Odoo 16, 17 and 18 map to the same events, whatever the release calls things:
 * 16's {@code done} and 17+'s {@code locked} flag are both a locked order, 18's tax totals have another shape, its
 * payment memo another field, and a draft invoice has no name ({@code false} in 18, {@code "/"} before).
 */
class ReadsPerReleaseTest {

    static final List<String> RELEASES = OdooReleases.ALL;

    private EmbeddedStandIn standIn;
    private ConnectorProperties properties;
    private Odoo odoo;
    private OdooCatalog catalog;

    private void connectTo(String release) {
        standIn = OdooReleases.standIn(release);
        properties = OdooReleases.properties(standIn, Duration.ofSeconds(10));
        odoo = OdooReleases.odoo(properties);
        catalog = OdooReleases.catalog(odoo);
    }

    private Snapshot read(ModelFeed feed, long id) {
        return feed.read(List.of(id), Companies.only(properties.companies().getFirst())).getFirst();
    }

    @ParameterizedTest(name = "Odoo {0}")
    @FieldSource("RELEASES")
    void aQuotationAConfirmedOrderAndALockedOneReadTheSameOnEveryRelease(String release) {
        connectTo(release);
        OrderFeed orders = new OrderFeed(odoo, catalog);
        long order = OdooReleases.newQuotation(standIn, 4);

        SalesOrder quotation = (SalesOrder) read(orders, order).document().withVersion("1");
        OdooReleases.inOdoo(standIn, "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        SalesOrder confirmed = (SalesOrder) read(orders, order).document().withVersion("2");
        OdooReleases.inOdoo(standIn, "sale.order", release.startsWith("16") ? "action_done" : "action_lock",
                List.of(List.of(order)), Map.of());
        Snapshot locked = read(orders, order);

        assertThat(quotation.state()).isEqualTo(SalesOrderState.QUOTATION);
        assertThat(quotation.number()).startsWith("S");
        assertThat(quotation.currency()).isEqualTo("XOF");
        assertThat(quotation.amountTotal()).isEqualByComparingTo("23600");
        assertThat(quotation.lines()).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("4");
            assertThat(line.unit()).isNotBlank();
        });
        assertThat(confirmed.state()).isEqualTo(SalesOrderState.CONFIRMED);
        assertThat(locked.state()).isEqualTo(SalesOrderState.LOCKED.name());
        assertThat(locked.odooState()).isEqualTo(release.startsWith("16") ? "done" : "sale");
    }

    @ParameterizedTest(name = "Odoo {0}")
    @FieldSource("RELEASES")
    void anInvoiceItsTaxesAndAPartialPaymentReadTheSameOnEveryRelease(String release) {
        connectTo(release);
        InvoiceFeed invoices = new InvoiceFeed(odoo, catalog, properties.mapping());
        long order = OdooReleases.newQuotation(standIn, 10); // 50,000 + 18% = 59,000 XOF
        OdooReleases.inOdoo(standIn, "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        long invoice = OdooReleases.postedInvoiceOf(standIn, order);
        PaymentReceived payment = new PaymentReceived("pay-" + UUID.randomUUID(), Instant.now(),
                "account.move/" + invoice, null, "res.company/1", "res.partner/42", "orange-money", "MP" + UUID
                .randomUUID().toString().substring(0, 8), new BigDecimal("9000"), "XOF", Instant.now());
        new PaymentBooking(odoo, catalog, new CommandLog(OdooReleases.mongo("odoo-reads-" + release.replace('.', '-')),
                Clock.systemUTC()), properties).apply(payment);

        Invoice read = (Invoice) read(invoices, invoice).document().withVersion("1");

        assertThat(read.number()).isNotBlank().isNotEqualTo("/");
        assertThat(read.originOrderNumber()).startsWith("S");
        assertThat(read.amountUntaxed()).isEqualByComparingTo("50000");
        assertThat(read.amountTax()).isEqualByComparingTo("9000");
        assertThat(read.taxes()).singleElement().satisfies(tax -> {
            assertThat(tax.base()).isEqualByComparingTo("50000");
            assertThat(tax.amount()).isEqualByComparingTo("9000");
        });
        assertThat(read.amountResidual()).isEqualByComparingTo("50000");
        assertThat(read.paymentState()).isEqualTo(PaymentState.PARTIAL);
        assertThat(read.payments()).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("ORANGE MONEY " + payment.providerTransactionId());
            assertThat(p.amount()).isEqualByComparingTo("9000");
        });
    }

    @ParameterizedTest(name = "Odoo {0}")
    @FieldSource("RELEASES")
    void aDraftInvoiceHasNoNumberOnAnyReleaseAndIsKeptQuiet(String release) {
        connectTo(release);
        InvoiceFeed invoices = new InvoiceFeed(odoo, catalog, properties.mapping());
        long order = OdooReleases.newQuotation(standIn, 2);
        OdooReleases.inOdoo(standIn, "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        long invoice = OdooReleases.draftInvoiceOf(standIn, order);

        Snapshot draft = read(invoices, invoice);

        assertThat(OdooReleases.readInOdoo(standIn, "account.move", invoice, "name").get("name"))
                .isEqualTo(release.startsWith("18") ? Boolean.FALSE : "/");
        assertThat(draft.state()).isEqualTo("draft");
        assertThat(((Invoice) draft.document().withVersion("1")).number()).isNull();
        assertThat(invoices.publishes(draft, null)).as("a draft is kept quiet").isFalse();
    }
}
