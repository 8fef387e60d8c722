package io.wabiz.odoo.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.ConnectorState;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooClient;
import io.wabiz.odoo.rpc.RecordedOdoo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mapping of what the recorded Odoo 17 server answered: order S00023 and invoice INV/2026/00005. */
class RecordedReadsTest {

    private static final WireMockServer ODOO = new WireMockServer(options().dynamicPort());
    private static final Companies COMPANY_1 = Companies.only(new ConnectorProperties.Company(1, "UTC", null));
    private static OdooCatalog catalog;
    private static Odoo odoo;

    @BeforeAll
    static void recordedServer() {
        ODOO.start();
        RecordedOdoo.replay(ODOO, "common.authenticate");
        answer("fields_get", "{\"name\": {}, \"partner_id\": {}, \"date_order\": {}, \"validity_date\": {}, "
                + "\"commitment_date\": {}, \"state\": {}, \"locked\": {}, \"currency_id\": {}, \"amount_untaxed\": {}, "
                + "\"amount_tax\": {}, \"amount_total\": {}, \"user_id\": {}, \"company_id\": {}, \"write_date\": {}, "
                + "\"order_id\": {}, \"sequence\": {}, \"display_type\": {}, \"product_id\": {}, \"product_uom_qty\": {}, "
                + "\"product_uom\": {}, \"price_unit\": {}, \"discount\": {}, \"price_subtotal\": {}, \"move_type\": {}, "
                + "\"payment_state\": {}, \"invoice_date\": {}, \"invoice_date_due\": {}, \"amount_residual\": {}, "
                + "\"invoice_origin\": {}, \"payment_reference\": {}, \"move_id\": {}, \"quantity\": {}, "
                + "\"invoice_line_ids\": {}}");
        answer("read", "res.currency", "[{\"id\": 1, \"name\": \"USD\", \"decimal_places\": 2}]");
        RecordedOdoo.replay(ODOO, "sale.order.read-confirmed");
        RecordedOdoo.replay(ODOO, "sale.order.line.search_read");
        RecordedOdoo.replay(ODOO, "account.move.read-partially-paid");
        RecordedOdoo.replay(ODOO, "account.move.line.search_read-invoice-lines");
        odoo = new Odoo(new OdooClient(RecordedOdoo.connection(ODOO, "<API-KEY>", Duration.ofSeconds(5))),
                new ConnectorState(Clock.systemUTC(), new SimpleMeterRegistry()),
                new ConnectorProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10)));
        catalog = new OdooCatalog(odoo);
    }

    @AfterAll
    static void stop() {
        ODOO.stop();
    }

    private static void answer(String method, String result) {
        ODOO.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + result + "}")));
    }

    private static void answer(String method, String model, String result) {
        ODOO.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(model)))
                .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(method)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": " + result + "}")));
    }

    @Test
    void mapsTheRecordedConfirmedOrderWithItsProductLines() {
        Snapshot snapshot = new OrderFeed(odoo, catalog).read(List.of(23L), COMPANY_1).getFirst();
        SalesOrder order = (SalesOrder) snapshot.document().withVersion("20261201145058");

        assertThat(snapshot.writeDate()).isEqualTo("2026-12-01 14:50:58");
        assertThat(snapshot.odooState()).isEqualTo("sale");
        assertThat(order.orderId()).isEqualTo("sale.order/23");
        assertThat(order.number()).isEqualTo("S00023");
        assertThat(order.state()).isEqualTo(SalesOrderState.CONFIRMED);
        assertThat(order.partnerId()).isEqualTo("res.partner/42");
        assertThat(order.partnerName()).isEqualTo("Awa Diop SARL");
        assertThat(order.orderDate()).isEqualTo(Instant.parse("2026-12-01T14:50:58Z"));
        assertThat(order.validityDate()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(order.commitmentDate()).isNull();
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.amountTotal()).isEqualTo(new BigDecimal("287500.00"));
        assertThat(order.salesperson()).isEqualTo("Mitchell Admin");
        assertThat(order.companyId()).isEqualTo("res.company/1");
        assertThat(order.lines()).as("the note line is left out").hasSize(3);
        assertThat(order.lines().getFirst()).satisfies(line -> {
            assertThat(line.productName()).isEqualTo("[DESK0005] Customizable Desk (Custom, White)");
            assertThat(line.description()).isEqualTo("160x80cm, with large legs.");
            assertThat(line.quantity()).isEqualByComparingTo("2");
            assertThat(line.unit()).isEqualTo("Units");
            assertThat(line.subtotal()).isEqualTo(new BigDecimal("25000.00"));
        });
        assertThat(order.lines().get(2).description()).as("a line without more than the product's name").isNull();
    }

    @Test
    void mapsTheRecordedPartlyPaidInvoice() {
        Snapshot snapshot = new InvoiceFeed(odoo, catalog, new ConnectorProperties.Mapping(List.of("mobile", "phone"),
                "lang", null, null, true)).read(List.of(25L), COMPANY_1).getFirst();
        Invoice invoice = (Invoice) snapshot.document().withVersion("20261201145059");

        assertThat(invoice.number()).isEqualTo("INV/2026/00005");
        assertThat(invoice.paymentState()).isEqualTo(PaymentState.PARTIAL);
        assertThat(invoice.amountResidual()).isEqualTo(new BigDecimal("172500.00"));
        assertThat(invoice.amountTotal()).isEqualTo(new BigDecimal("287500.00"));
        assertThat(invoice.invoiceDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(invoice.originOrderNumber()).isEqualTo("S00023");
        assertThat(invoice.paymentReference()).isEqualTo("INV/2026/00005");
        assertThat(invoice.lines()).as("the recorded search asked for product and note lines; notes are left out")
                .hasSize(3);
        assertThat(invoice.inDispute()).isFalse();
        assertThat(snapshot.paymentState()).isEqualTo("partial");
    }
}
