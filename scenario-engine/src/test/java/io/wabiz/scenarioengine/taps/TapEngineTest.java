package io.wabiz.scenarioengine.taps;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.scenarioengine.actions.Action;
import io.wabiz.scenarioengine.actions.ActionRunner;
import io.wabiz.scenarioengine.actions.Answers;
import io.wabiz.scenarioengine.actions.ButtonBinding;
import io.wabiz.scenarioengine.actions.EngineSettings;
import io.wabiz.scenarioengine.admin.DefaultDefinitions;
import io.wabiz.scenarioengine.definitions.Definitions;
import io.wabiz.scenarioengine.definitions.Versioned;
import io.wabiz.scenarioengine.handoff.OpeningHours;
import io.wabiz.scenarioengine.orders.InvoiceView;
import io.wabiz.scenarioengine.orders.OrderView;
import io.wabiz.scenarioengine.partners.PartnerView;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.texts.Texts;
import io.wabiz.scenarioengine.texts.Wording;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure decision on an in-memory context: the "are you sure?" cancel and the scenario state's expiry. */
class TapEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final String CUSTOMER = "221770000001";

    private final Answers answers = DefaultDefinitions.read("defaults/answers.json", Answers.class);
    private final Wording wording = new Wording(List.of("fr", "en"), "fr", ZoneId.of("Africa/Dakar"));
    private final TapEngine engine = new TapEngine(new ActionRunner(wording, answers,
            new OpeningHours(ZoneId.of("Africa/Dakar"), Map.of(), Duration.ofMinutes(30)),
            new EngineSettings(Duration.ofHours(2), Duration.ofMinutes(15), Duration.ofMinutes(10),
                    List.of(new EngineSettings.PaymentProvider("wave", "Wave")))), answers, wording);

    private final Map<String, ConversationState> states = new HashMap<>();
    private Instant now = NOW;

    private final ButtonBinding cancelAsking = new ButtonBinding("order-cancel", null,
            new ButtonBinding.ButtonMatch("order", "cancel", null), List.of(new Action.CancelOrder(
            Texts.of("Commande {orderNumber} annulée", "Order {orderNumber} cancelled"),
            new Action.CancelQuestion(Texts.of("Annuler {orderNumber} ?", "Cancel {orderNumber}?"),
                    Texts.of("Oui, annuler", "Yes, cancel"), Texts.of("Non, garder", "No, keep it"),
                    Texts.of("Nous gardons {orderNumber}", "We keep {orderNumber}")))));

    private final OrderView order = new OrderView("sale.order/9", "S00009", "res.partner/1", "Diop SARL",
            SalesOrderState.QUOTATION, "3", "fp", List.of(), new BigDecimal("50000"), "XOF", null, null, NOW, null);

    private final TapContext context = new TapContext() {
        @Override
        public Definitions definitions() {
            ScenarioDefinition menu = DefaultDefinitions.read("defaults/scenarios/menu.json", ScenarioDefinition.class);
            return new Definitions(Map.of("order-cancel", new Versioned<>(cancelAsking, 1, true, NOW, "t")),
                    Map.of("menu", new Versioned<>(menu, 1, true, NOW, "t")));
        }

        @Override
        public Optional<OrderView> order(String orderId) {
            return Optional.of(order).filter(o -> o.orderId().equals(orderId));
        }

        @Override
        public Optional<InvoiceView> invoice(String invoiceId) {
            return Optional.empty();
        }

        @Override
        public List<PartnerView> partners(String customerWaId) {
            return List.of();
        }

        @Override
        public List<OrderView> openOrders(Collection<String> partnerIds) {
            return List.of();
        }

        @Override
        public List<InvoiceView> openInvoices(Collection<String> partnerIds) {
            return List.of();
        }

        @Override
        public Optional<ConversationState> state(String conversationKey) {
            return Optional.ofNullable(states.get(conversationKey));
        }

        @Override
        public Instant now() {
            return now;
        }
    };

    private Plan tap(String wamid, String buttonId) {
        Plan plan = engine.decide(new Tap("100000000000001", CUSTOMER, "Awa", wamid, now, now,
                new Tap.Button(buttonId, null, "button")), context);
        if (plan.newState() != null) {
            states.put(plan.newState().conversationKey(), plan.newState());
        }
        return plan;
    }

    private static String text(Plan plan) {
        SendMessage message = (SendMessage) plan.records().stream().filter(r -> r instanceof SendMessage).findFirst()
                .orElseThrow();
        return switch (message.content()) {
            case OutboundContent.Text t -> t.body();
            case OutboundContent.ReplyButtons b -> b.body();
            default -> message.content().toString();
        };
    }

    @Test
    void cancelWithAQuestionAsksFirstAndCancelsOnlyOnYes() {
        Plan question = tap("w1", "order:sale.order/9:cancel:v3");
        assertThat(question.records()).noneMatch(r -> r instanceof CancelSalesOrder);
        assertThat(((OutboundContent.ReplyButtons) ((SendMessage) question.records().getFirst()).content()).buttons())
                .extracting(OutboundContent.ReplyButton::id)
                .containsExactly("order:sale.order/9:cancel:yes:v3", "order:sale.order/9:cancel:no:v3");

        Plan yes = tap("w2", "order:sale.order/9:cancel:yes:v3");
        assertThat(yes.records()).filteredOn(r -> r instanceof CancelSalesOrder).hasSize(1);
        assertThat(yes.claim()).isEqualTo(new Plan.Claim("sale.order/9", "3", OrderView.Request.CANCEL));
        assertThat(states.get("100000000000001:" + CUSTOMER).cancelQuestion()).isNull();
    }

    @Test
    void noKeepsTheOrderAndAYesAfterTheQuestionExpiredCancelsNothing() {
        tap("w1", "order:sale.order/9:cancel:v3");
        assertThat(text(tap("w2", "order:sale.order/9:cancel:no:v3"))).isEqualTo("Nous gardons S00009");

        tap("w3", "order:sale.order/9:cancel:v3");
        now = NOW.plus(Duration.ofMinutes(16));
        Plan late = tap("w4", "order:sale.order/9:cancel:yes:v3");
        assertThat(late.records()).noneMatch(r -> r instanceof CancelSalesOrder);
        assertThat(late.outcome()).isEqualTo(TapOutcome.RESTARTED);
        assertThat(text(late)).contains("a expiré");
    }

    @Test
    void aMenuTapAfterTheScenarioExpiredRestartsIt() {
        Plan menu = engine.decide(new Tap("100000000000001", CUSTOMER, "Awa", "w1", now, now, new Tap.Text("Menu")),
                context);
        states.put(menu.newState().conversationKey(), menu.newState());
        assertThat(menu.newState().scenario().scenarioId()).isEqualTo("menu");

        Plan inTime = tap("w2", "scenario:menu:orders:v1");
        assertThat(inTime.outcome()).isEqualTo(TapOutcome.DONE);
        now = NOW.plus(Duration.ofHours(3));
        states.put(menu.newState().conversationKey(), menu.newState());
        Plan tomorrow = tap("w3", "scenario:menu:orders:v1");
        assertThat(tomorrow.outcome()).isEqualTo(TapOutcome.RESTARTED);
        assertThat(tomorrow.records()).hasSize(2);
    }

    @Test
    void decidingTheSameTapTwiceMakesTheSameRecords() {
        Plan first = engine.decide(new Tap("100000000000001", CUSTOMER, "Awa", "w9", NOW, NOW, new Tap.Text("menu")),
                context);
        Plan again = engine.decide(new Tap("100000000000001", CUSTOMER, "Awa", "w9", NOW, NOW, new Tap.Text("menu")),
                context);
        assertThat(again.records()).isEqualTo(first.records());
    }
}
