package io.wabiz.notifier.orders;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.util.ULocale;
import io.wabiz.events.buttons.ButtonId;
import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.ReplyButton;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.events.outbound.WhatsAppLimits;
import io.wabiz.notification.messages.Messages;
import io.wabiz.notification.messages.TextFit;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.notifier.messages.NotifierTexts;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the order notifications, in the reader's language: the "please validate" message with its three
 * buttons and its template twin, the details (lines within WhatsApp's limits, never cut inside a line), the
 * confirmation and the cancellation. Button ids follow the platform's grammar ({@code order:42:confirm:v3}).
 */
public class OrderMessages {

    /** A template parameter stays short enough that the filled-in body keeps within Meta's 1024 characters. */
    static final int TEMPLATE_PARAMETER_MAX = 120;
    static final int LINE_MAX = 300;

    /** Immutable and thread-safe: one per language. */
    private static final Map<Locale, com.ibm.icu.number.LocalizedNumberFormatter> NUMBERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final NotifierTexts texts;

    public OrderMessages(NotifierTexts texts) {
        this.texts = texts;
    }

    /** What one message says: the free-form content and the template to fall back on outside the window. */
    public record Message(OutboundContent content, OutboundContent.Template fallback) {
    }

    public static ButtonId button(SalesOrder order, String action, String version) {
        return ButtonId.of(ButtonId.ORDER, order.orderId(), action, version);
    }

    public Message created(SalesOrder order, String version, String customerName, Locale language, ZoneId zone,
                           TemplateRef template) {
        Messages m = texts.messages(language);
        String date = orderDate(order, zone, language);
        String total = texts.money(order.amountTotal(), order.currency(), language);
        String salesperson = order.salesperson() == null || order.salesperson().isBlank()
                ? m.text("order.salesperson.unknown") : order.salesperson().strip();
        String body = m.text("order.created.body", Map.of("greeting", greeting(m, customerName),
                "number", numberOf(order), "date", date, "total", total, "salesperson", salesperson));
        List<ReplyButton> buttons = List.of(
                new ReplyButton(button(order, "confirm", version).forReplyButton(), title(m, "order.button.confirm")),
                new ReplyButton(button(order, "cancel", version).forReplyButton(), title(m, "order.button.cancel")),
                new ReplyButton(button(order, "details", version).forReplyButton(), title(m, "order.button.details")));
        OutboundContent content = new OutboundContent.ReplyButtons(header(m, order),
                TextFit.fit(body, WhatsAppLimits.INTERACTIVE_BODY),
                TextFit.fit(m.text("order.created.footer"), WhatsAppLimits.FOOTER_TEXT), buttons);
        OutboundContent.Template fallback = template(template,
                List.of(customerName, numberOf(order), date, total, salesperson),
                List.of(button(order, "confirm", version), button(order, "cancel", version),
                        button(order, "details", version)));
        return new Message(content, fallback);
    }

    /** The order's details: a text (interactive with Validate/Cancel when it fits and the order awaits them). */
    public Message details(SalesOrder order, String version, String customerName, Locale language, ZoneId zone,
                           int maxLines, TemplateRef template) {
        Messages m = texts.messages(language);
        String date = orderDate(order, zone, language);
        List<String> head = new ArrayList<>();
        head.add(m.text("order.details.title", Map.of("number", numberOf(order),
                "state", m.text("order.state." + order.state().name()))));
        String customer = order.partnerName() != null && !order.partnerName().isBlank() ? order.partnerName()
                : customerName;
        if (customer != null && !customer.isBlank()) {
            head.add(m.text("order.details.customer", Map.of("customer", customer.strip())));
        }
        head.add(m.text("order.details.date", Map.of("date", date)));
        if (order.validityDate() != null && order.state().awaitsCustomer()) {
            head.add(m.text("order.details.validity", Map.of("date", texts.date(order.validityDate(), language))));
        }
        if (order.salesperson() != null && !order.salesperson().isBlank()) {
            head.add(m.text("order.details.salesperson", Map.of("salesperson", order.salesperson().strip())));
        }
        List<String> tail = new ArrayList<>();
        if (order.amountUntaxed() != null && order.amountTax() != null && order.amountTax().signum() != 0) {
            tail.add(m.text("order.details.untaxed", Map.of("amount",
                    texts.money(order.amountUntaxed(), order.currency(), language))));
            tail.add(m.text("order.details.tax", Map.of("amount",
                    texts.money(order.amountTax(), order.currency(), language))));
        }
        tail.add(m.text("order.details.total", Map.of("amount",
                texts.money(order.amountTotal(), order.currency(), language))));
        if (order.pdfUrl() != null && !order.pdfUrl().isBlank()) {
            tail.add(m.text("common.pdf", Map.of("url", order.pdfUrl().strip())));
        }
        boolean awaiting = order.state().awaitsCustomer();
        List<String> lines = lines(order, m, language);
        String headText = String.join("\n", head);
        String tailText = String.join("\n", tail);

        OutboundContent content = null;
        if (awaiting) { // interactive, so the customer can decide right away, if everything fits in 1024
            String interactive = compose(headText, lines, lines.size(), tailText + "\n\n"
                    + m.text("order.details.awaiting"), m);
            if (lines.size() <= maxLines && TextFit.length(interactive) <= WhatsAppLimits.INTERACTIVE_BODY) {
                content = new OutboundContent.ReplyButtons(null, interactive, null, List.of(
                        new ReplyButton(button(order, "confirm", version).forReplyButton(),
                                title(m, "order.button.confirm")),
                        new ReplyButton(button(order, "cancel", version).forReplyButton(),
                                title(m, "order.button.cancel"))));
            }
        }
        if (content == null) {
            content = new OutboundContent.Text(fitLines(headText, lines, Math.min(maxLines, lines.size()), tailText, m,
                    WhatsAppLimits.TEXT_BODY), order.pdfUrl() != null);
        }
        String lineCount = m.text("common.lines", Map.of("count", order.lines().size()));
        OutboundContent.Template fallback = template(template, List.of(customerName, numberOf(order), date, lineCount,
                texts.money(order.amountTotal(), order.currency(), language)),
                List.of(button(order, "details", version)));
        return new Message(content, fallback);
    }

    public Message confirmation(SalesOrder order, String version, boolean confirmed, String customerName,
                                Locale language, TemplateRef template) {
        Messages m = texts.messages(language);
        String total = texts.money(order.amountTotal(), order.currency(), language);
        String body = TextFit.fit(m.text(confirmed ? "order.confirmed.body" : "order.cancelled.body",
                Map.of("greeting", greeting(m, customerName), "number", numberOf(order), "total", total)),
                WhatsAppLimits.INTERACTIVE_BODY);
        OutboundContent content = confirmed
                ? new OutboundContent.ReplyButtons(null, body, null, List.of(new ReplyButton(
                        button(order, "details", version).forReplyButton(), title(m, "order.button.details"))))
                : new OutboundContent.Text(body, false);
        OutboundContent.Template fallback = template(template, List.of(customerName, numberOf(order), total),
                confirmed ? List.of(button(order, "details", version)) : List.of());
        return new Message(content, fallback);
    }

    private List<String> lines(SalesOrder order, Messages m, Locale language) {
        List<String> lines = new ArrayList<>(order.lines().size());
        int position = 1;
        for (DocumentLine line : order.lines()) {
            String product = line.productName() != null && !line.productName().isBlank() ? line.productName()
                    : line.description() == null ? "?" : line.description();
            boolean discounted = line.discountPercent() != null && line.discountPercent().signum() != 0;
            String text = m.text(discounted ? "order.details.line.discount" : "order.details.line", Map.of(
                    "position", String.valueOf(position++),
                    "product", product.strip().replaceAll("\\s+", " "),
                    "quantity", number(line.quantity(), language),
                    "unit", line.unit() == null ? "" : line.unit().strip(),
                    "unitPrice", texts.money(line.unitPrice(), order.currency(), language),
                    "discount", discounted ? number(line.discountPercent(), language) : "",
                    "subtotal", texts.money(line.subtotal(), order.currency(), language)));
            lines.add(TextFit.fit(text.replace("  ", " "), LINE_MAX));
        }
        return lines;
    }

    /**
     * Head, as many whole lines as fit (at most {@code maxLines}), "... and N more lines", then the totals: within
     * {@code limit}. Lines are never cut; the totals are always there.
     */
    static String fitLines(String head, List<String> lines, int maxLines, String tail, Messages m, int limit) {
        for (int shown = Math.min(maxLines, lines.size()); shown >= 0; shown--) {
            String text = compose(head, lines, shown, tail, m);
            if (TextFit.length(text) <= limit) {
                return text;
            }
        }
        return TextFit.fit(compose(head, lines, 0, tail, m), limit); // only a giant head could get here
    }

    private static String compose(String head, List<String> lines, int shown, String tail, Messages m) {
        StringBuilder text = new StringBuilder(head).append("\n\n");
        if (lines.isEmpty()) {
            text.append(m.text("order.details.no.lines")).append('\n');
        }
        for (int i = 0; i < shown; i++) {
            text.append(lines.get(i)).append('\n');
        }
        if (shown < lines.size()) {
            text.append(m.text("common.more.lines", Map.of("count", lines.size() - shown))).append('\n');
        }
        return text.append('\n').append(tail).toString();
    }

    private OutboundContent.Template template(TemplateRef ref, List<String> bodyParameters, List<ButtonId> quickReplies) {
        List<TemplateComponent> components = new ArrayList<>();
        components.add(new TemplateComponent("body", null, null, bodyParameters.stream()
                .map(p -> TemplateParameter.text(TextFit.templateParameter(p, TEMPLATE_PARAMETER_MAX))).toList()));
        for (int i = 0; i < quickReplies.size(); i++) {
            components.add(new TemplateComponent("button", "quick_reply", i,
                    List.of(TemplateParameter.payload(quickReplies.get(i).forQuickReply()))));
        }
        return new OutboundContent.Template(ref.name(), ref.language(), components);
    }

    /** The order's number as the customer knows it (the ERP id when the ERP gave none). */
    static String numberOf(SalesOrder order) {
        return order.number() == null || order.number().isBlank() ? order.orderId() : order.number().strip();
    }

    private String orderDate(SalesOrder order, ZoneId zone, Locale language) {
        return order.orderDate() == null ? "-" : texts.date(order.orderDate(), zone, language);
    }

    private static String greeting(Messages m, String name) {
        return name == null || name.isBlank() ? m.text("common.greeting.anonymous")
                : m.text("common.greeting", Map.of("name", name.strip()));
    }

    private static String header(Messages m, SalesOrder order) {
        return TextFit.fit(m.text("order.header", Map.of("number", numberOf(order))), WhatsAppLimits.HEADER_TEXT);
    }

    private static String title(Messages m, String key) {
        return TextFit.fit(m.text(key), WhatsAppLimits.BUTTON_TITLE);
    }

    private static String number(BigDecimal value, Locale language) {
        if (value == null) {
            return "-";
        }
        return NUMBERS.computeIfAbsent(language, l -> NumberFormatter.withLocale(ULocale.forLocale(l)))
                .format(value.stripTrailingZeros()).toString();
    }
}
