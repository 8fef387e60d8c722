package io.wabiz.odoo.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.OdooReleases;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooUnavailable;
import io.wabiz.odoo.sync.OdooCatalog;
import io.wabiz.odoosim.EmbeddedStandIn;
import io.wabiz.odoosim.faults.Fault;
import io.wabiz.odoosim.odoo.Chatter;
import io.wabiz.odoosim.orm.Env;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each ERP write happens once on Odoo 16, 17 and 18, also when Odoo did the work but its answer was lost (the
 * connector timed out, so the command is delivered again): 16 confirms an order that is already confirmed, 18 keeps
 * a payment's memo in {@code memo} rather than {@code ref}. The connector's command parts are called as the listener
 * calls them for each delivery; the redelivery itself is Kafka's, shown in {@code CommandsTest}.
 */
class CommandsPerReleaseTest {

    static final List<String> RELEASES = OdooReleases.ALL;
    private static final Duration IMPATIENT = Duration.ofMillis(700);

    private EmbeddedStandIn standIn;

    @AfterEach
    void clearFaults() {
        if (standIn != null) {
            standIn.clearFault();
        }
    }

    private record Connector(OrderCommands orders, PaymentBooking payments, CommandLog log) {
    }

    private Connector connectorTo(String release) {
        standIn = OdooReleases.standIn(release);
        ConnectorProperties properties = OdooReleases.properties(standIn, IMPATIENT);
        Odoo odoo = OdooReleases.odoo(properties);
        OdooCatalog catalog = OdooReleases.catalog(odoo);
        CommandLog log = new CommandLog(OdooReleases.mongo("odoo-commands-" + release.replace('.', '-')),
                Clock.systemUTC());
        return new Connector(new OrderCommands(odoo, catalog, log, properties.commands(), Clock.systemUTC()),
                new PaymentBooking(odoo, catalog, log, properties), log);
    }

    /** Odoo runs and commits the call, then answers after the connector gave up waiting. */
    private void answerLost(String method) {
        standIn.fault(new Fault(Fault.Kind.SLOW, IMPATIENT.multipliedBy(2), true, null, 1, List.of(method), List.of()));
    }

    private static CustomerTap tap() {
        return new CustomerTap("100000000000001", "221770000001", "wamid.REL" + UUID.randomUUID().toString()
                .replace("-", ""), Instant.parse("2026-12-01T10:00:00Z"));
    }

    private List<String> chatter(String model, long id) {
        return standIn.server().database().read(new Env(2, Map.of(), List.of(1L)), tx -> Chatter.of(tx, model, id)
                .stream().map(m -> (String) m.get("body")).toList());
    }

    @ParameterizedTest(name = "Odoo {0}")
    @FieldSource("RELEASES")
    void aConfirmationWhoseAnswerWasLostConfirmsOnceAndASecondTapChangesNothing(String release) {
        Connector connector = connectorTo(release);
        long order = OdooReleases.newQuotation(standIn, 3);
        String orderId = "sale.order/" + order;
        CustomerTap tap = tap();

        answerLost("action_confirm");
        assertThatThrownBy(() -> connector.orders().apply(true, "cmd-1", orderId, tap))
                .isInstanceOf(OdooUnavailable.class);
        Outcome redelivered = connector.orders().apply(true, "cmd-1", orderId, tap);
        Outcome again = connector.orders().apply(true, "cmd-1", orderId, tap);
        Outcome secondTap = connector.orders().apply(true, "cmd-2", orderId, tap());

        assertThat(redelivered.status()).isEqualTo(AppliedCommand.Status.APPLIED);
        assertThat(again.detail()).startsWith("already handled");
        assertThat(secondTap.status()).isEqualTo(AppliedCommand.Status.REFUSED);
        assertThat(secondTap.detail()).isEqualTo("nothing done: the order is already confirmed");
        // the lost call is logged by the stand-in once its late answer is out
        await().during(IMPATIENT.multipliedBy(2)).atMost(Duration.ofSeconds(10))
                .until(() -> standIn.rpcLog().count("sale.order", "action_confirm", order) <= 1);
        assertThat(standIn.rpcLog().count("sale.order", "action_confirm", order)).isEqualTo(1);
        assertThat(OdooReleases.readInOdoo(standIn, "sale.order", order, "state", "x_whatsapp_validated"))
                .containsEntry("state", "sale").containsEntry("x_whatsapp_validated", true);
        assertThat(chatter("sale.order", order).stream().filter(b -> b.contains(tap.wamid()))).hasSize(1);
    }

    @ParameterizedTest(name = "Odoo {0}")
    @FieldSource("RELEASES")
    void aTapOnALockedOrderIsRefusedWithANote(String release) {
        Connector connector = connectorTo(release);
        long order = OdooReleases.newQuotation(standIn, 1);
        OdooReleases.inOdoo(standIn, "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        // 16 locks with the state done, 17 and 18 with the locked flag
        OdooReleases.inOdoo(standIn, "sale.order", release.startsWith("16") ? "action_done" : "action_lock",
                List.of(List.of(order)), Map.of());
        CustomerTap tap = tap();

        Outcome cancel = connector.orders().apply(false, "cmd-3", "sale.order/" + order, tap);

        assertThat(cancel.status()).isEqualTo(AppliedCommand.Status.REFUSED);
        assertThat(cancel.detail()).isEqualTo("nothing done: the order is locked");
        assertThat(standIn.rpcLog().count("sale.order", "action_cancel", order)).isZero();
        assertThat(chatter("sale.order", order)).anyMatch(b -> b.contains(tap.wamid())
                && b.contains("the order is locked: nothing was done"));
    }

    @ParameterizedTest(name = "Odoo {0}")
    @FieldSource("RELEASES")
    void aPaymentWhoseAnswerWasLostIsBookedOnce(String release) {
        Connector connector = connectorTo(release);
        long order = OdooReleases.newQuotation(standIn, 10); // 50,000 + 18% = 59,000 XOF
        OdooReleases.inOdoo(standIn, "sale.order", "action_confirm", List.of(List.of(order)), Map.of());
        long invoice = OdooReleases.postedInvoiceOf(standIn, order);
        PaymentReceived payment = new PaymentReceived("pay-" + UUID.randomUUID(), Instant.now(),
                "account.move/" + invoice, null, "res.company/1", "res.partner/42", "wave", "T_" + UUID.randomUUID()
                .toString().substring(0, 8), new BigDecimal("20000"), "XOF", Instant.parse("2026-12-01T11:00:00Z"));

        answerLost("action_create_payments");
        assertThatThrownBy(() -> connector.payments().apply(payment)).isInstanceOf(OdooUnavailable.class);
        Outcome redelivered = connector.payments().apply(payment);
        Outcome again = connector.payments().apply(payment);

        assertThat(redelivered.status()).isEqualTo(AppliedCommand.Status.APPLIED);
        assertThat(redelivered.detail()).contains("is in Odoo already");
        assertThat(again.detail()).startsWith("already booked");
        String memoField = release.startsWith("18") ? "memo" : "ref";
        assertThat((List<?>) OdooReleases.inOdoo(standIn, "account.payment", "search_read", List.of(List.of(List.of(
                memoField, "=", PaymentBooking.memo(payment)))), Map.of("fields", List.of("amount")))).hasSize(1);
        assertThat(((Number) OdooReleases.readInOdoo(standIn, "account.move", invoice, "amount_residual")
                .get("amount_residual")).doubleValue()).isEqualTo(39_000.0);
    }
}
