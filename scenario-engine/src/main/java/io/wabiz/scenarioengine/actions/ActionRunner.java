package io.wabiz.scenarioengine.actions;

import io.wabiz.events.buttons.ButtonId;
import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.CustomerTap;
import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.scenarioengine.definitions.Versioned;
import io.wabiz.scenarioengine.handoff.OpeningHours;
import io.wabiz.scenarioengine.orders.InvoiceView;
import io.wabiz.scenarioengine.orders.OrderView;
import io.wabiz.scenarioengine.scenarios.ScenarioDefinition;
import io.wabiz.scenarioengine.state.ConversationState;
import io.wabiz.scenarioengine.taps.Plan;
import io.wabiz.scenarioengine.taps.Run;
import io.wabiz.scenarioengine.taps.TapOutcome;
import io.wabiz.scenarioengine.texts.Placeholder;
import io.wabiz.scenarioengine.texts.Placeholder.Scope;
import io.wabiz.scenarioengine.texts.Texts;
import io.wabiz.scenarioengine.texts.Wording;
import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs actions: one exhaustive switch over the sealed {@link Action} set. An action only adds to the tap's
 * {@link Run} (replies, ERP commands, notifier requests, hand-offs, the conversation's state, an order claim);
 * nothing is written here, so the same code serves the dry run. Over 350 lines on purpose: the switch and the
 * handler of each action stay side by side, so adding an action to the sealed set is a compile error here and
 * its handling is read in one place.
 */
public final class ActionRunner {

    private static final String YES = "yes";
    private static final String NO = "no";

    private final Wording wording;
    private final Answers answers;
    private final OpeningHours hours;
    private final EngineSettings settings;

    public ActionRunner(Wording wording, Answers answers, OpeningHours hours, EngineSettings settings) {
        this.wording = wording;
        this.answers = answers;
        this.hours = hours;
        this.settings = settings;
    }

    /**
     * Runs one action of a binding or a scenario option.
     *
     * @param button the tapped button (its document is the action's subject), or null outside a document button
     * @param source who ran it ({@code action:order-confirm}, {@code scenario:menu}), for correlations and hand-offs
     */
    public void run(Run run, Action action, ButtonId button, String source) {
        switch (action) {
            case Action.Reply reply -> reply(run, reply, source);
            case Action.ConfirmOrder confirm -> orderRequest(run, button, OrderView.Request.CONFIRM,
                    confirm.acknowledgement(), source);
            case Action.CancelOrder cancel -> cancel(run, button, cancel, source);
            case Action.SendOrderDetails details -> orderDetails(run, button, details, source);
            case Action.SendInvoiceDetails details -> invoiceDetails(run, button, details, source);
            case Action.ResendInvoicePdf pdf -> invoicePdf(run, button, pdf, source);
            case Action.ListOrders list -> listOrders(run, list, source);
            case Action.ListInvoices list -> listInvoices(run, list, source);
            case Action.OpenScenario open -> openScenario(run, open.scenario(), source);
            case Action.HandOff handOff -> handOff(run, handOff, source);
            case Action.RecordOnly record -> run.action(run.action().equals("none") ? "record_only" : run.action());
        }
    }

    // ---- replies ----

    private void reply(Run run, Action.Reply reply, String source) {
        String text = wording.render(reply.text(), run.language(), Scope.GENERAL, run.values());
        if (reply.linkUrl() == null) {
            run.reply(new OutboundContent.Text(text, false), null, null, source);
        } else {
            run.reply(new OutboundContent.CtaUrl(null, text, null, wording.render(reply.linkTitle(), run.language(),
                    Scope.GENERAL, run.values()), reply.linkUrl()), null, null, source);
        }
    }

    private void text(Run run, Texts texts, Scope scope, Map<Placeholder, String> values, ErpDocumentType type,
                      String documentId, String source) {
        String text = wording.render(texts, run.language(), scope, values);
        if (text != null && !text.isBlank()) {
            run.reply(new OutboundContent.Text(text, false), type, documentId, source);
        }
    }

    // ---- orders ----

    /** The order a button names, if it still awaits the customer as the tapped message showed it; else answered. */
    private Optional<OrderView> awaitingOrder(Run run, ButtonId button, String source) {
        Optional<OrderView> found = run.context().order(button.documentId());
        if (found.isEmpty()) {
            text(run, answers.unknownOrder(), Scope.GENERAL, run.values(), ErpDocumentType.SALES_ORDER,
                    button.documentId(), source);
            run.finish(TapOutcome.UNKNOWN_DOCUMENT, "order " + button.documentId() + " is unknown");
            return Optional.empty();
        }
        OrderView order = found.get();
        Map<Placeholder, String> values = orderValues(run, order);
        if (!order.state().awaitsCustomer()) {
            Texts answer = switch (order.state()) {
                case CONFIRMED, LOCKED -> order.state() == SalesOrderState.CONFIRMED
                        ? answers.orderAlreadyConfirmed() : answers.orderNoLongerAwaiting();
                case CANCELLED -> answers.orderAlreadyCancelled();
                default -> answers.orderNoLongerAwaiting();
            };
            text(run, answer, Scope.ORDER, values, ErpDocumentType.SALES_ORDER, order.orderId(), source);
            run.finish(TapOutcome.STALE, "order " + order.orderId() + " is " + order.state());
            return Optional.empty();
        }
        if (order.pendingFor(run.now()) && !order.pending().wamid().equals(run.tap().wamid())) {
            text(run, answers.orderPending(), Scope.ORDER, values, ErpDocumentType.SALES_ORDER, order.orderId(), source);
            run.finish(TapOutcome.PENDING, "order " + order.orderId() + " has a pending " + order.pending().request()
                    + " request from " + order.pending().wamid());
            return Optional.empty();
        }
        if (!order.showsCurrent(button.version())) {
            orderChanged(run, order, values, source);
            run.finish(TapOutcome.STALE, "order " + order.orderId() + " changed: tapped v" + button.version()
                    + ", now v" + order.version());
            return Optional.empty();
        }
        return Optional.of(order);
    }

    /** The order as it is now, with buttons for its current version. */
    private void orderChanged(Run run, OrderView order, Map<Placeholder, String> values, String source) {
        String version = order.version() == null ? "0" : order.version();
        List<OutboundContent.ReplyButton> buttons = List.of(
                button(ButtonId.of(ButtonId.ORDER, order.orderId(), "confirm", version), answers.confirmTitle(), run),
                button(ButtonId.of(ButtonId.ORDER, order.orderId(), "cancel", version), answers.cancelTitle(), run),
                button(ButtonId.of(ButtonId.ORDER, order.orderId(), "details", version), answers.detailsTitle(), run));
        run.reply(new OutboundContent.ReplyButtons(null, wording.render(answers.orderChanged(), run.language(),
                Scope.ORDER, values), null, buttons), ErpDocumentType.SALES_ORDER, order.orderId(), source);
    }

    private OutboundContent.ReplyButton button(ButtonId id, Texts title, Run run) {
        return new OutboundContent.ReplyButton(id.forReplyButton(),
                wording.render(title, run.language(), Scope.GENERAL, run.values()));
    }

    private void orderRequest(Run run, ButtonId button, OrderView.Request request, Texts acknowledgement,
                              String source) {
        run.action(request == OrderView.Request.CONFIRM ? "confirm_order" : "cancel_order");
        Optional<OrderView> awaiting = awaitingOrder(run, button, source);
        if (awaiting.isEmpty()) {
            return;
        }
        OrderView order = awaiting.get();
        run.claim(new Plan.Claim(order.orderId(), order.version(), request));
        CustomerTap tap = new CustomerTap(run.tap().businessPhoneNumberId(), run.tap().customerWaId(),
                run.tap().wamid(), run.tap().sentAt());
        run.record(request == OrderView.Request.CONFIRM
                ? new ConfirmSalesOrder(run.idFor("erp"), run.now(), order.orderId(), order.number(), tap)
                : new CancelSalesOrder(run.idFor("erp"), run.now(), order.orderId(), order.number(), tap));
        text(run, acknowledgement, Scope.ORDER, orderValues(run, order), ErpDocumentType.SALES_ORDER, order.orderId(),
                source);
    }

    private void cancel(Run run, ButtonId button, Action.CancelOrder cancel, String source) {
        Action.CancelQuestion question = cancel.question();
        String answer = button.argument();
        if (question == null) {
            orderRequest(run, button, OrderView.Request.CANCEL, cancel.acknowledgement(), source);
            return;
        }
        ConversationState.CancelQuestion asked = run.state().activeCancelQuestion(run.now());
        if (NO.equals(answer)) {
            run.action("cancel_order_kept");
            run.context().order(button.documentId()).ifPresentOrElse(
                    order -> text(run, question.keptAnswer(), Scope.ORDER, orderValues(run, order),
                            ErpDocumentType.SALES_ORDER, order.orderId(), source),
                    () -> text(run, answers.unknownOrder(), Scope.GENERAL, run.values(), ErpDocumentType.SALES_ORDER,
                            button.documentId(), source));
            if (asked != null && asked.orderId().equals(button.documentId())) {
                run.state(run.state().withCancelQuestion(null, run.now()));
            }
            return;
        }
        if (YES.equals(answer)) {
            if (asked == null || !asked.orderId().equals(button.documentId())) {
                run.action("cancel_order");
                Optional<OrderView> order = run.context().order(button.documentId());
                Map<Placeholder, String> values = order.map(o -> orderValues(run, o)).orElse(run.values());
                text(run, answers.cancelQuestionExpired(), Scope.ORDER, values, ErpDocumentType.SALES_ORDER,
                        button.documentId(), source);
                run.finish(TapOutcome.RESTARTED, "no open question about cancelling order " + button.documentId());
                return;
            }
            run.state(run.state().withCancelQuestion(null, run.now()));
            orderRequest(run, button, OrderView.Request.CANCEL, cancel.acknowledgement(), source);
            return;
        }
        run.action("cancel_order_question");
        Optional<OrderView> awaiting = awaitingOrder(run, button, source);
        if (awaiting.isEmpty()) {
            return;
        }
        OrderView order = awaiting.get();
        String version = button.version();
        List<OutboundContent.ReplyButton> buttons = List.of(
                button(ButtonId.of(ButtonId.ORDER, order.orderId(), "cancel", YES, version), question.yesTitle(), run),
                button(ButtonId.of(ButtonId.ORDER, order.orderId(), "cancel", NO, version), question.noTitle(), run));
        run.reply(new OutboundContent.ReplyButtons(null, wording.render(question.body(), run.language(), Scope.ORDER,
                orderValues(run, order)), null, buttons), ErpDocumentType.SALES_ORDER, order.orderId(), source);
        run.state(run.state().withCancelQuestion(new ConversationState.CancelQuestion(order.orderId(), version,
                run.now().plus(settings.cancelQuestionExpiry())), run.now()));
    }

    private void orderDetails(Run run, ButtonId button, Action.SendOrderDetails details, String source) {
        run.action("send_order_details");
        Optional<OrderView> found = run.context().order(button.documentId());
        if (found.isEmpty()) {
            text(run, answers.unknownOrder(), Scope.GENERAL, run.values(), ErpDocumentType.SALES_ORDER,
                    button.documentId(), source);
            run.finish(TapOutcome.UNKNOWN_DOCUMENT, "order " + button.documentId() + " is unknown");
            return;
        }
        OrderView order = found.get();
        text(run, details.acknowledgement(), Scope.ORDER, orderValues(run, order), ErpDocumentType.SALES_ORDER,
                order.orderId(), source);
        run.record(new SendDocumentDetails(run.idFor("details"), run.now(), ErpDocumentType.SALES_ORDER,
                order.orderId(), NotificationKind.ORDER_DETAILS, run.tap().businessPhoneNumberId(),
                run.tap().customerWaId(), run.tap().wamid(), null, run.language()));
    }

    // ---- invoices ----

    private Optional<InvoiceView> invoice(Run run, ButtonId button, String source, boolean mustBeOpen) {
        Optional<InvoiceView> found = run.context().invoice(button.documentId());
        if (found.isEmpty()) {
            text(run, answers.unknownInvoice(), Scope.GENERAL, run.values(), ErpDocumentType.INVOICE,
                    button.documentId(), source);
            run.finish(TapOutcome.UNKNOWN_DOCUMENT, "invoice " + button.documentId() + " is unknown");
            return Optional.empty();
        }
        InvoiceView invoice = found.get();
        if (invoice.cancelled()) {
            text(run, answers.invoiceCancelled(), Scope.INVOICE, invoiceValues(run, invoice), ErpDocumentType.INVOICE,
                    invoice.invoiceId(), source);
            run.finish(TapOutcome.STALE, "invoice " + invoice.invoiceId() + " is cancelled");
            return Optional.empty();
        }
        if (mustBeOpen && !invoice.isOpen()) {
            text(run, answers.invoiceAlreadyPaid(), Scope.INVOICE, invoiceValues(run, invoice),
                    ErpDocumentType.INVOICE, invoice.invoiceId(), source);
            run.finish(TapOutcome.STALE, "invoice " + invoice.invoiceId() + " is " + invoice.paymentState());
            return Optional.empty();
        }
        return found;
    }

    private void invoiceDetails(Run run, ButtonId button, Action.SendInvoiceDetails details, String source) {
        boolean pay = "pay".equals(button.action());
        run.action(pay ? "pay_invoice" : "send_invoice_details");
        invoice(run, button, source, pay).ifPresent(invoice -> {
            text(run, details.acknowledgement(), Scope.INVOICE, invoiceValues(run, invoice), ErpDocumentType.INVOICE,
                    invoice.invoiceId(), source);
            run.record(new SendDocumentDetails(run.idFor("details"), run.now(), ErpDocumentType.INVOICE,
                    invoice.invoiceId(), NotificationKind.INVOICE_DETAILS, run.tap().businessPhoneNumberId(),
                    run.tap().customerWaId(), run.tap().wamid(), pay ? button.argument() : null, run.language()));
        });
    }

    private void invoicePdf(Run run, ButtonId button, Action.ResendInvoicePdf pdf, String source) {
        run.action("resend_invoice_pdf");
        invoice(run, button, source, false).ifPresent(invoice -> {
            text(run, pdf.acknowledgement(), Scope.INVOICE, invoiceValues(run, invoice), ErpDocumentType.INVOICE,
                    invoice.invoiceId(), source);
            run.record(new SendDocumentDetails(run.idFor("details"), run.now(), ErpDocumentType.INVOICE,
                    invoice.invoiceId(), NotificationKind.INVOICE, run.tap().businessPhoneNumberId(),
                    run.tap().customerWaId(), run.tap().wamid(), null, run.language()));
        });
    }

    // ---- lists ----

    private void listOrders(Run run, Action.ListOrders list, String source) {
        run.action("list_orders");
        List<OrderView> orders = run.context().openOrders(run.partnerIds());
        Map<Placeholder, String> counts = counts(run, orders.size());
        if (orders.isEmpty()) {
            text(run, list.empty(), Scope.LIST, counts, null, null, source);
            return;
        }
        if (orders.size() == 1) {
            OrderView order = orders.getFirst();
            String version = order.version() == null ? "0" : order.version();
            List<OutboundContent.ReplyButton> buttons = new ArrayList<>();
            if (order.state().awaitsCustomer()) {
                buttons.add(button(ButtonId.of(ButtonId.ORDER, order.orderId(), "confirm", version),
                        answers.confirmTitle(), run));
                buttons.add(button(ButtonId.of(ButtonId.ORDER, order.orderId(), "cancel", version),
                        answers.cancelTitle(), run));
            }
            buttons.add(button(ButtonId.of(ButtonId.ORDER, order.orderId(), "details", version),
                    answers.detailsTitle(), run));
            run.reply(new OutboundContent.ReplyButtons(null, wording.render(answers.orderSummary(), run.language(),
                    Scope.ORDER, orderValues(run, order)), null, buttons), ErpDocumentType.SALES_ORDER,
                    order.orderId(), source);
            return;
        }
        List<OutboundContent.ListRow> rows = orders.stream().limit(10).map(order -> new OutboundContent.ListRow(
                ButtonId.of(ButtonId.ORDER, order.orderId(), "details", order.version() == null ? "0" : order.version())
                        .forListRow(),
                cut(order.number() == null ? order.orderId() : order.number(), 24),
                cut(wording.render(answers.orderRow(), run.language(), Scope.ORDER, orderValues(run, order)), 72)))
                .toList();
        run.reply(listMessage(run, list.body(), list.listButton(), counts, rows), null, null, source);
    }

    private void listInvoices(Run run, Action.ListInvoices list, String source) {
        run.action("list_invoices");
        List<InvoiceView> invoices = run.context().openInvoices(run.partnerIds());
        Map<Placeholder, String> counts = counts(run, invoices.size());
        if (invoices.isEmpty()) {
            text(run, list.empty(), Scope.LIST, counts, null, null, source);
            return;
        }
        if (invoices.size() == 1) {
            InvoiceView invoice = invoices.getFirst();
            String version = invoice.version() == null ? "0" : invoice.version();
            List<OutboundContent.ReplyButton> buttons = new ArrayList<>();
            settings.paymentProviders().stream().limit(2).forEach(provider -> buttons.add(
                    new OutboundContent.ReplyButton(ButtonId.of(ButtonId.INVOICE, invoice.invoiceId(), "pay",
                            provider.id(), version).forReplyButton(), cut(provider.title(), 20))));
            buttons.add(button(ButtonId.of(ButtonId.INVOICE, invoice.invoiceId(), "details", version),
                    answers.detailsTitle(), run));
            run.reply(new OutboundContent.ReplyButtons(null, wording.render(answers.invoiceSummary(), run.language(),
                    Scope.INVOICE, invoiceValues(run, invoice)), null, buttons), ErpDocumentType.INVOICE,
                    invoice.invoiceId(), source);
            return;
        }
        List<OutboundContent.ListRow> rows = invoices.stream().limit(10).map(invoice -> new OutboundContent.ListRow(
                ButtonId.of(ButtonId.INVOICE, invoice.invoiceId(), "details",
                        invoice.version() == null ? "0" : invoice.version()).forListRow(),
                cut(invoice.number() == null ? invoice.invoiceId() : invoice.number(), 24),
                cut(wording.render(answers.invoiceRow(), run.language(), Scope.INVOICE, invoiceValues(run, invoice)),
                        72)))
                .toList();
        run.reply(listMessage(run, list.body(), list.listButton(), counts, rows), null, null, source);
    }

    private OutboundContent.ListMessage listMessage(Run run, Texts body, Texts button, Map<Placeholder, String> counts,
                                                    List<OutboundContent.ListRow> rows) {
        return new OutboundContent.ListMessage(null, wording.render(body, run.language(), Scope.LIST, counts), null,
                wording.render(button, run.language(), Scope.GENERAL, run.values()),
                List.of(new OutboundContent.ListSection(null, rows)));
    }

    private static Map<Placeholder, String> counts(Run run, int count) {
        Map<Placeholder, String> values = run.values();
        values.put(Placeholder.COUNT, Integer.toString(count));
        values.put(Placeholder.SHOWN, Integer.toString(Math.min(count, 10)));
        return values;
    }

    // ---- scenarios ----

    /** Sends a scenario's opening message; the conversation is then in that scenario until it expires. */
    public void openScenario(Run run, String scenarioId, String source) {
        Optional<Versioned<ScenarioDefinition>> found = run.context().definitions().scenario(scenarioId);
        if (found.isEmpty()) {
            text(run, answers.menuUnavailable(), Scope.GENERAL, run.values(), null, null, source);
            run.finish(TapOutcome.UNKNOWN_BUTTON, "scenario " + scenarioId + " is unknown or disabled");
            return;
        }
        ScenarioDefinition scenario = found.get().definition();
        int version = found.get().version();
        ScenarioDefinition.Message message = scenario.message();
        String language = run.language();
        Map<Placeholder, String> values = run.values();
        String header = wording.render(message.header(), language, Scope.GENERAL, values);
        String body = wording.render(message.body(), language, Scope.GENERAL, values);
        String footer = wording.render(message.footer(), language, Scope.GENERAL, values);
        String actor = "scenario:" + scenario.id();
        if (message.form() == ScenarioDefinition.Form.LIST) {
            List<OutboundContent.ListRow> rows = scenario.options().stream().map(o -> new OutboundContent.ListRow(
                    ButtonId.of(ButtonId.SCENARIO, scenario.id(), o.id(), Integer.toString(version)).forListRow(),
                    wording.render(o.title(), language, Scope.GENERAL, values),
                    wording.render(o.description(), language, Scope.GENERAL, values))).toList();
            run.reply(new OutboundContent.ListMessage(header, body, footer, wording.render(message.listButton(),
                    language, Scope.GENERAL, values), List.of(new OutboundContent.ListSection(null, rows))),
                    null, null, actor);
        } else {
            List<OutboundContent.ReplyButton> buttons = scenario.options().stream().map(o ->
                    new OutboundContent.ReplyButton(ButtonId.of(ButtonId.SCENARIO, scenario.id(), o.id(),
                            Integer.toString(version)).forReplyButton(),
                            wording.render(o.title(), language, Scope.GENERAL, values))).toList();
            run.reply(new OutboundContent.ReplyButtons(header, body, footer, buttons), null, null, actor);
        }
        Duration expiry = scenario.expiry() == null ? settings.scenarioExpiry() : scenario.expiry();
        run.state(run.state().withScenario(new ConversationState.OpenScenario(scenario.id(), version,
                run.now().plus(expiry)), run.now()));
    }

    // ---- hand-off ----

    private void handOff(Run run, Action.HandOff handOff, String source) {
        run.action("hand_off");
        OpeningHours.Expectation expectation = hours.expectation(run.now());
        Map<Placeholder, String> values = run.values();
        values.put(Placeholder.EXPECTED_WITHIN, within(hours.responseTime(), run.language()));
        values.put(Placeholder.NEXT_OPENING, opening(expectation.nextOpening(), run));
        text(run, expectation.open() ? handOff.duringHours() : handOff.outsideHours(), Scope.HAND_OFF, values, null,
                null, source);
        String reason = handOff.reason() != null ? handOff.reason()
                : run.tap().trigger() instanceof io.wabiz.scenarioengine.taps.Tap.Button b ? b.title() : null;
        run.record(new HandOffRequested(run.idFor("handoff"), run.now(), run.tap().businessPhoneNumberId(),
                run.tap().customerWaId(), run.tap().profileName(), run.tap().wamid(), reason, source, run.language(),
                expectation.answerBy(), run.partnerIds()));
    }

    private static String within(Duration duration, String language) {
        MeasureFormat format = MeasureFormat.getInstance(ULocale.forLanguageTag(language), MeasureFormat.FormatWidth.WIDE);
        long minutes = duration.toMinutes();
        if (minutes >= 60 && minutes % 60 == 0) {
            return format.format(new Measure(minutes / 60, MeasureUnit.HOUR));
        }
        return format.format(new Measure(minutes, MeasureUnit.MINUTE));
    }

    private String opening(ZonedDateTime opening, Run run) {
        String language = run.language();
        ZonedDateTime now = run.now().atZone(opening.getZone());
        String day;
        if (opening.toLocalDate().equals(now.toLocalDate())) {
            day = wording.render(answers.today(), language, Scope.GENERAL, Map.of());
        } else if (opening.toLocalDate().equals(now.toLocalDate().plusDays(1))) {
            day = wording.render(answers.tomorrow(), language, Scope.GENERAL, Map.of());
        } else {
            day = opening.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.forLanguageTag(language));
        }
        return day + " " + wording.render(answers.at(), language, Scope.GENERAL, Map.of()) + " "
                + opening.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    // ---- values ----

    private Map<Placeholder, String> orderValues(Run run, OrderView order) {
        Map<Placeholder, String> values = run.values();
        values.put(Placeholder.ORDER_NUMBER, order.number() == null ? order.orderId() : order.number());
        values.put(Placeholder.ORDER_TOTAL, wording.money(order.amountTotal(), order.currency(), run.language()));
        values.put(Placeholder.ORDER_STATE, wording.render(answers.stateName(order.state()), run.language(),
                Scope.GENERAL, Map.of()));
        return values;
    }

    private Map<Placeholder, String> invoiceValues(Run run, InvoiceView invoice) {
        Map<Placeholder, String> values = run.values();
        values.put(Placeholder.INVOICE_NUMBER, invoice.number() == null ? invoice.invoiceId() : invoice.number());
        values.put(Placeholder.INVOICE_TOTAL, wording.money(invoice.amountTotal(), invoice.currency(), run.language()));
        values.put(Placeholder.INVOICE_RESIDUAL, wording.money(invoice.amountResidual(), invoice.currency(),
                run.language()));
        values.put(Placeholder.INVOICE_DUE_DATE, wording.date(invoice.dueDate(), run.language()));
        return values;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
