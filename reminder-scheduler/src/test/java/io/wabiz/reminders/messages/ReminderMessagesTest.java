package io.wabiz.reminders.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.erp.OptInState;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.notification.links.SignedTokens;
import io.wabiz.notification.messages.MessageBundles;
import io.wabiz.notification.partners.ContactRules.OptInPolicy;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateDefinitions;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.reminders.cadence.Attachment;
import io.wabiz.reminders.cadence.DunningLevel;
import io.wabiz.reminders.cadence.DunningSchedule;
import io.wabiz.reminders.invoices.InvoiceStatus;
import io.wabiz.reminders.invoices.OpenInvoice;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminders built from the shipped template files (the repository's {@code templates/}). */
class ReminderMessagesTest {

    private static final TemplateDefinitions SHIPPED = TemplateDefinitions.fromDirectory(Path.of("..", "templates"));
    private static final CompanyRoute DAKAR = new CompanyRoute("res.company/1", "100000000000001",
            ZoneId.of("Africa/Dakar"), "fr", OptInPolicy.UNLESS_OPTED_OUT);

    private static final String KEY = "a-test-link-key-of-at-least-thirty-two-bytes";
    private static final Instant NOW = Instant.parse("2026-12-27T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InvoiceLinks links = links(false);

    private static InvoiceLinks links(boolean documents) {
        return new ConfiguredInvoiceLinks(URI.create("https://pay.example.sn"), new SignedTokens(KEY, List.of()),
                "wave", Duration.ofDays(400), Duration.ofDays(30), Duration.ofDays(30), documents, CLOCK);
    }
    private final ReminderMessages messages = new ReminderMessages(SHIPPED,
            MessageBundles.load("messages/common", "messages/reminders"), links, Map.of("wo", "fr"));

    private static OpenInvoice invoice(String residual, String currency) {
        return new OpenInvoice("account.move/5531", "INV/2026/00412", "res.partner/42", "Awa Diop", "res.company/1",
                LocalDate.of(2026, 12, 24), currency, new BigDecimal(residual), new BigDecimal("295000"),
                InvoiceStatus.OPEN, false, "INV/2026/00412", "3", null, List.of());
    }

    private static PartnerContact partner(String language) {
        return new PartnerContact("res.partner/42", "Awa\nDiop", "Quincaillerie Ndiaye", List.of("+221771234567"),
                List.of(), language, "SN", OptInState.OPTED_IN, true, null, null);
    }

    @Test
    void everyDefaultLevelHasItsTemplateShippedInTheRightShape() {
        assertThat(messages.problems(DunningSchedule.defaults().levels(), "fr")).isEmpty();
    }

    @Test
    void wolofReadersGetTheFrenchTemplateAndEnglishReadersTheEnglishOne() {
        DunningLevel level = DunningSchedule.defaults().level(10).orElseThrow();

        assertThat(messages.template(level, "wo_SN", DAKAR)).contains(new TemplateRef("invoice_reminder_overdue",
                "fr"));
        assertThat(messages.template(level, "en_US", DAKAR)).contains(new TemplateRef("invoice_reminder_overdue",
                "en"));
        assertThat(messages.template(level, null, DAKAR)).contains(new TemplateRef("invoice_reminder_overdue", "fr"));
        assertThat(messages.template(new DunningLevel(5, "not_shipped", Attachment.NONE), "fr", DAKAR)).isEmpty();
    }

    @Test
    void theSixVariablesAreFilledForTheReadersLanguage() {
        DunningLevel level = DunningSchedule.defaults().level(10).orElseThrow();

        OutboundContent.Template fr = messages.build(invoice("295000", "XOF"), partner("fr_FR"), level, 1,
                new TemplateRef("invoice_reminder_overdue", "fr"));
        OutboundContent.Template en = messages.build(invoice("1234.5", "EUR"), partner("en"), level, 12,
                new TemplateRef("invoice_reminder_overdue", "en"));

        assertThat(body(fr)).containsExactly("Awa Diop", "INV/2026/00412", "24 déc. 2026", "1 jour de retard",
                "295 000 F CFA", links.paymentLink(invoice("295000", "XOF")));
        assertThat(body(en).subList(0, 5)).containsExactly("Awa Diop", "INV/2026/00412", "Dec 24, 2026",
                "12 days overdue", "€1,234.50");
        assertThat(fr.parameterCount("body")).isEqualTo(ReminderMessages.BODY_VARIABLES);
    }

    @Test
    void courtesyAndDueDayTimings() {
        DunningLevel courtesy = DunningSchedule.defaults().level(-3).orElseThrow();
        TemplateRef upcoming = new TemplateRef("invoice_reminder_upcoming", "fr");

        assertThat(body(messages.build(invoice("1000", "XOF"), partner("fr"), courtesy, -3, upcoming)).get(3))
                .isEqualTo("dans 3 jours");
        assertThat(body(messages.build(invoice("1000", "XOF"), partner("fr"), courtesy, 0, upcoming)).get(3))
                .isEqualTo("aujourd'hui");
    }

    @Test
    void thePaymentLinkIsTheNotifiersSameForEveryReminderOfAnInvoiceAndVerifiesWithItsKey() {
        OpenInvoice invoice = invoice("295000", "XOF");
        String link = links.paymentLink(invoice);
        String token = link.substring("https://pay.example.sn/pay/".length());

        assertThat(link).startsWith("https://pay.example.sn/pay/").isEqualTo(links.paymentLink(invoice));
        // as the billing-notifier's /pay/{token} reads it: purpose pay, invoice id and provider, due date + 400 days
        SignedTokens.Verdict verdict = new SignedTokens(KEY, List.of()).verify(SignedTokens.PAY, token, NOW);
        assertThat(verdict).isEqualTo(new SignedTokens.Verdict.Valid(List.of("account.move/5531", "wave"),
                Instant.parse("2028-01-28T00:00:00Z")));
        assertThat(new SignedTokens("another-link-key-of-at-least-thirty-two-bytes", List.of())
                .verify(SignedTokens.PAY, token, NOW)).isInstanceOf(SignedTokens.Verdict.Invalid.class);
        assertThat(links.documentLink(invoice)).isEmpty();
    }

    @Test
    void aLinkForAnInvoiceLongOverdueStillWorksForAMonth() {
        OpenInvoice ancient = new OpenInvoice("account.move/1", "INV/2024/1", "res.partner/42", "Awa Diop",
                "res.company/1", LocalDate.of(2024, 1, 2), "XOF", new BigDecimal("1000"), new BigDecimal("1000"),
                InvoiceStatus.OPEN, false, null, "1", null, List.of());
        String token = links.paymentLink(ancient).substring("https://pay.example.sn/pay/".length());

        assertThat(new SignedTokens(KEY, List.of()).verify(SignedTokens.PAY, token, NOW))
                .isEqualTo(new SignedTokens.Verdict.Valid(List.of("account.move/1", "wave"), NOW.plus(
                        Duration.ofDays(30))));
    }

    @Test
    void aLevelThatAttachesTheInvoiceNeedsDocumentLinksAndADocumentHeader() {
        DunningLevel attaching = new DunningLevel(30, "invoice_reminder_final", Attachment.INVOICE_DOCUMENT);

        assertThat(messages.problems(List.of(attaching), "fr")).anyMatch(p -> p.contains("no document links"))
                .anyMatch(p -> p.contains("needs a DOCUMENT header"));

        ReminderMessages withDocuments = new ReminderMessages(SHIPPED,
                MessageBundles.load("messages/common", "messages/reminders"), links(true), Map.of("wo", "fr"));
        DunningLevel withPdf = new DunningLevel(30, "invoice_reminder_final_document", Attachment.INVOICE_DOCUMENT);
        assertThat(withDocuments.problems(List.of(withPdf), "fr")).isEmpty();
        OutboundContent.Template built = withDocuments.build(invoice("1000", "XOF"), partner("fr"), withPdf, 30,
                new TemplateRef("invoice_reminder_final_document", "fr"));
        assertThat(built.components().getFirst().type()).isEqualTo("header");
        String document = built.components().getFirst().parameters().getFirst().link();
        assertThat(document).startsWith("https://pay.example.sn/documents/");
        assertThat(new SignedTokens(KEY, List.of()).verify(SignedTokens.DOCUMENT,
                document.substring("https://pay.example.sn/documents/".length()), NOW))
                .isEqualTo(new SignedTokens.Verdict.Valid(List.of("account.move/5531@3"), NOW.plus(Duration.ofDays(30))));
        assertThat(built.components().getFirst().parameters().getFirst().filename()).isEqualTo("INV-2026-00412.pdf");
    }

    @Test
    void aTemplateWithTheWrongNumberOfVariablesIsRefusedAtStart() {
        DunningLevel wrong = new DunningLevel(3, "sales_order_created", Attachment.PAYMENT_LINK);

        assertThat(messages.problems(List.of(wrong), "fr"))
                .anyMatch(p -> p.contains("sales_order_created:fr has 5 body variables; reminder templates take 6"));
    }

    private static List<String> body(OutboundContent.Template template) {
        return template.components().stream().filter(c -> c.type().equals("body")).findFirst().orElseThrow()
                .parameters().stream().map(p -> p.text().replace('\u202f', ' ').replace('\u00a0', ' ')).toList();
    }
}
