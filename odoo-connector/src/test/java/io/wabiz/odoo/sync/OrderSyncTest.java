package io.wabiz.odoo.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.events.TopicRecord;
import io.wabiz.odoo.ServiceTest;
import io.wabiz.testsupport.TopicWatcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Orders made and changed in Odoo become erp.sales-orders events, once each, in order. */
class OrderSyncTest extends ServiceTest {

    @Autowired
    Watermarks watermarks;

    @Autowired
    ChangeSync sync;

    @Test
    void anOrderCreatedInOdooAppearsAsExactlyOneSalesOrderCreated() {
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_SALES_ORDERS)) {
            long id = newQuotation(40);
            String orderId = "sale.order/" + id;

            SalesOrder order = awaitEvents(watcher, SalesOrderCreated.class, orderId, l -> !l.isEmpty()).getFirst()
                    .order();

            assertThat(order.number()).matches("S\\d{5}");
            assertThat(order.partnerId()).isEqualTo("res.partner/42");
            assertThat(order.partnerName()).isEqualTo("Awa Diop SARL");
            assertThat(order.state()).isEqualTo(SalesOrderState.QUOTATION);
            assertThat(order.currency()).isEqualTo("XOF");
            assertThat(order.amountUntaxed()).isEqualByComparingTo("200000");
            assertThat(order.amountTax()).isEqualByComparingTo("36000");
            assertThat(order.amountTotal()).isEqualTo(new BigDecimal("236000"));
            assertThat(order.companyId()).isEqualTo("res.company/1");
            assertThat(order.version()).matches("\\d{14}");
            assertThat(order.lines()).singleElement().satisfies(line -> {
                assertThat(line.productId()).isEqualTo("product.product/88");
                assertThat(line.productName()).isEqualTo("[CIM45] Ciment CPJ 45 (sac 50 kg)");
                assertThat(line.description()).isEqualTo("Ciment Sococim");
                assertThat(line.quantity()).isEqualByComparingTo("40");
                assertThat(line.unit()).isEqualTo("Units");
                assertThat(line.unitPrice()).isEqualByComparingTo("5000");
                assertThat(line.subtotal()).isEqualTo(new BigDecimal("200000"));
            });
            // three webhook posts and the polls every 400 ms: still one event
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> ofOrder(watcher, orderId).size() == 1);
        }
    }

    @Test
    void anOrderEditedThreeTimesArrivesAsThreeUpdatesInOrder() {
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_SALES_ORDERS)) {
            long id = newQuotation(1);
            String orderId = "sale.order/" + id;
            awaitEvents(watcher, SalesOrderCreated.class, orderId, l -> !l.isEmpty());
            long line = (Long) ((List<?>) readInOdoo("sale.order", id, "order_line").get("order_line")).getFirst();

            for (int quantity = 2; quantity <= 4; quantity++) {
                int edits = quantity - 1;
                inOdoo("sale.order", "write", List.of(List.of(id), Map.of("order_line",
                        List.of(List.of(1L, line, Map.of("product_uom_qty", (double) quantity))))), Map.of());
                awaitEvents(watcher, SalesOrderUpdated.class, orderId, l -> l.size() == edits);
            }

            List<TopicRecord> events = ofOrder(watcher, orderId);
            String seen = events.stream().map(io.wabiz.events.EventJson::toJson).toList().toString();
            assertThat(events).as(seen).hasSize(4);
            assertThat(events.subList(1, 4)).as(seen).allMatch(SalesOrderUpdated.class::isInstance);
            assertThat(events.subList(1, 4).stream().map(e -> ((SalesOrderUpdated) e).order().amountTotal())).as(seen)
                    .containsExactly(new BigDecimal("11800"), new BigDecimal("17700"), new BigDecimal("23600"));
            assertThat(events.stream().map(TopicRecord::occurredAt).toList()).isSorted();
            assertThat(events.stream().map(TopicRecord::id).distinct()).hasSize(4);
        }
    }

    @Test
    void aConfirmationIsAStateChangeAndOurOwnFlagWritesPublishNothing() {
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_SALES_ORDERS)) {
            long id = newQuotation(2);
            String orderId = "sale.order/" + id;
            awaitEvents(watcher, SalesOrderCreated.class, orderId, l -> !l.isEmpty());

            inOdoo("sale.order", "action_confirm", List.of(List.of(id)), Map.of());
            SalesOrderStateChanged changed = awaitEvents(watcher, SalesOrderStateChanged.class, orderId,
                    l -> !l.isEmpty()).getFirst();
            assertThat(changed.previousState()).isEqualTo(SalesOrderState.QUOTATION);
            assertThat(changed.order().state()).isEqualTo(SalesOrderState.CONFIRMED);

            // what the connector writes back (a flag) bumps write_date and fires the webhook, but changes nothing
            inOdoo("sale.order", "write", List.of(List.of(id), Map.of("x_whatsapp_confirmation_sent", true)), Map.of());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> ofOrder(watcher, orderId).size() == 2);
        }
    }

    @Test
    void aPollRepeatedAfterACrashPublishesNothingNew() {
        try (TopicWatcher watcher = kafka.watch(Topics.ERP_SALES_ORDERS)) {
            long id = newQuotation(3);
            String orderId = "sale.order/" + id;
            awaitEvents(watcher, SalesOrderCreated.class, orderId, l -> !l.isEmpty());

            // as if the connector crashed before it saved its watermark: everything is read again
            watermarks.reset(SyncedModel.ORDERS, 1);
            ChangeSync.PollResult again = sync.poll(SyncedModel.ORDERS, new io.wabiz.odoo.ConnectorProperties
                    .Company(1, "Africa/Dakar", null));

            assertThat(again.scanned()).isGreaterThanOrEqualTo(1);
            assertThat(again.published()).isZero();
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4))
                    .until(() -> ofOrder(watcher, orderId).size() == 1);
        }
    }

    private static List<TopicRecord> ofOrder(TopicWatcher watcher, String orderId) {
        return watcher.events().stream().filter(e -> orderId.equals(e.key())).toList();
    }
}
