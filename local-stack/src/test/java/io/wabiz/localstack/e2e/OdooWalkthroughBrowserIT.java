package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.LocalSecrets;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The seed's acceptance test ("Étape 5") as a person does it, in headless Chromium with the Odoo stand-in's page and
 * the phone page side by side: a customer and a quotation made on the Odoo page → the message with its buttons on
 * the phone → tap Valider → the Odoo page shows the order confirmed, the tap's proof in its chatter and
 * {@code x_whatsapp_validated}; its invoice posted on the Odoo page → the PDF on the phone, downloaded by a click and
 * read back (the invoice's number in it); 9,000 registered on the Odoo page → the residual message with its Payer
 * button → tapped → the payment provider's checkout → Payer → the Odoo page shows the invoice paid (the provider's
 * payment on it, nothing left) and the phone the thank-you; a second order invoiced and left unpaid → the reminder
 * clock moved ten days on → its reminder on the phone. Skipped, with the reason, without Chromium.
 */
class OdooWalkthroughBrowserIT {

    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final String COMPANY = "res.company/1";
    /** The reminder scheduler's default cadence: Dakar, runs from 08:00, none on Sundays, none 20:00-08:00. */
    private static final ZoneId DAKAR = ZoneId.of("Africa/Dakar");

    private static WebDriver browser;
    private static Path profile;
    private static Path downloads;

    @BeforeAll
    static void browser() throws IOException {
        Optional<String> missing = SimulatorPageBrowserIT.Chromium.ensureInstalled();
        assumeTrue(missing.isEmpty(), () -> "Skipping the browser test: " + missing.orElseThrow());
        profile = Files.createTempDirectory("wabiz-chromium-odoo-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SimulatorPageBrowserIT.Chromium.browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile.resolve("chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(SimulatorPageBrowserIT.Chromium.driver().orElseThrow().toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // headless Chromium saves downloads only where it is told to
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        browser = chrome;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }

    @Test
    void aQuotationConfirmedByATapIsInvoicedPaidInPartInOdooAndTheRestAtTheProviderAndAnUnpaidOneIsReminded()
            throws IOException {
        RunningStack stack = PlatformStack.get();
        JsonHttp odoo = new JsonHttp(stack.url(StackService.ODOO_SIMULATOR), Map.of());
        JsonHttp reminders = new JsonHttp(stack.url(StackService.REMINDER_SCHEDULER),
                Map.of("Authorization", "Bearer " + LocalSecrets.ADMIN_TOKEN));
        String waId = Customers.newWaId();
        SimulatorApi.of(stack).createCustomer(waId, "Khady Ndiaye");
        WebDriverWait wait = new WebDriverWait(browser, FLOW);
        wait.ignoring(StaleElementReferenceException.class);

        // the phone: the customer writes first (her 24-hour window opens)
        browser.get(stack.url(StackService.META_SIMULATOR) + "/");
        String phoneTab = browser.getWindowHandle();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='chat-item'][data-wa-id='" + waId + "']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat[data-wa-id='" + waId + "']")));
        browser.findElement(By.id("reply-text")).sendKeys("Bonjour, je vais commander du ciment");
        browser.findElement(By.id("reply-send")).click();

        // Odoo: a customer with her mobile, a quotation of 4 bags of cement (23,600 XOF with VAT)
        browser.switchTo().newWindow(WindowType.TAB);
        String odooTab = browser.getWindowHandle();
        browser.get(stack.url(StackService.ODOO_SIMULATOR) + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("partner-name"))).sendKeys("Khady Ndiaye");
        browser.findElement(By.id("partner-mobile")).sendKeys("+" + waId);
        browser.findElement(By.id("partner-submit")).click();
        String order = quotation(wait, 4, null);

        // the phone: the order with its buttons; tap Valider
        browser.switchTo().window(phoneTab);
        click(wait, By.cssSelector("button[data-testid='reply-button'][data-button-id^='order:sale.order/" + order
                + ":confirm:v']"));

        // Odoo: confirmed, with the proof and the flag
        browser.switchTo().window(odooTab);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='order-detail'][data-order-id='" + order + "'][data-state='sale']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='whatsapp-flag'][data-field='x_whatsapp_validated'][data-set='true']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='chatter']"),
                "Confirmed by the customer on WhatsApp"));

        // Odoo: invoice it and post it
        Posted invoice = invoiceAndPost(wait, null);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='whatsapp-flag'][data-field='x_whatsapp_invoice_sent'][data-set='true']")));

        // the phone: the PDF arrives; a click on it downloads it, and it is that invoice
        browser.switchTo().window(phoneTab);
        WebElement pdfMessage = message(wait, "document", invoice.number());
        assertThat(plain(body(pdfMessage))).contains("voici votre facture", "23 600");
        WebElement document = pdfMessage.findElement(By.cssSelector("a[data-testid='document-link']"));
        String filename = invoice.number().replace('/', '-') + ".pdf";
        assertThat(document.getText()).isEqualTo(filename);
        document.click();
        Path downloaded = downloads.resolve(filename);
        // Chromium writes a .crdownload file and renames it when complete
        await().atMost(FLOW).until(() -> Files.isRegularFile(downloaded));
        byte[] pdf = Files.readAllBytes(downloaded);
        assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdfText(pdf)).contains(invoice.number());

        // Odoo: 9,000 of its 23,600 registered at the counter
        browser.switchTo().window(odooTab);
        // in one go in the page: its detail is drawn again whenever Odoo changes, which would reset a typed amount
        ((JavascriptExecutor) browser).executeScript("document.getElementById('payment-amount').value = '9000';"
                + " document.getElementById('payment-submit').click();");

        // the phone: the payment acknowledged with what is left, and a Payer button; tap it
        browser.switchTo().window(phoneTab);
        WebElement residual = message(wait, "interactive", "nous avons bien reçu votre paiement");
        assertThat(plain(body(residual))).contains(invoice.number(), "9 000", "14 600");
        WebElement pay = residual.findElement(By.cssSelector("a[data-testid='cta-link']"));
        assertThat(pay.getText()).contains("Payer");
        assertThat(pay.getAttribute("href")).startsWith(stack.url(StackService.BILLING_NOTIFIER) + "/pay/");
        Set<String> tabs = browser.getWindowHandles();
        pay.click();

        // the provider's checkout, for what is left: Payer; the browser comes back to the platform's thank-you page
        String checkoutTab = wait.until(d -> d.getWindowHandles().stream().filter(h -> !tabs.contains(h)).findFirst()
                .orElse(null));
        browser.switchTo().window(checkoutTab);
        wait.until(ExpectedConditions.urlContains(stack.url(StackService.META_SIMULATOR) + "/payments/checkout/"));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='checkout-amount']"))).getText()).contains("14600");
        click(wait, By.cssSelector("[data-testid='checkout-pay']"));
        wait.until(ExpectedConditions.urlContains(stack.url(StackService.BILLING_NOTIFIER) + "/pay/return/"));
        assertThat(browser.getTitle()).isEqualTo("Merci !");
        browser.close();

        // Odoo: the invoice paid, the provider's payment on it, nothing left
        browser.switchTo().window(odooTab);
        wait.until(d -> Set.of("paid", "in_payment").contains(d.findElement(By.cssSelector(
                "[data-testid='invoice-detail'][data-invoice-id='" + invoice.id() + "']"))
                .getAttribute("data-payment-state")));
        wait.until(d -> Double.parseDouble(d.findElement(By.cssSelector("[data-testid='invoice-residual']"))
                .getAttribute("data-amount")) == 0);
        wait.until(d -> d.findElements(By.cssSelector("[data-testid='invoice-payment']")).stream().anyMatch(p ->
                String.valueOf(p.getAttribute("data-ref")).startsWith("WAVE ")
                        && Double.parseDouble(p.getAttribute("data-amount")) == 14_600));

        // the phone: the thank-you
        browser.switchTo().window(phoneTab);
        assertThat(body(message(wait, "text", "est entièrement réglée"))).contains(invoice.number());

        // Odoo: a second order of 2 bags, confirmed by the staff, invoiced, posted, and left unpaid
        browser.switchTo().window(odooTab);
        String second = quotation(wait, 2, order);
        click(wait, By.id("order-confirm"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='order-detail'][data-order-id='" + second + "'][data-state='sale']")));
        Posted unpaid = invoiceAndPost(wait, invoice.id());
        browser.switchTo().window(phoneTab);
        message(wait, "document", unpaid.number());

        // the reminder clock moved on to ten days past its due date (a weekday, 10:00 in Dakar): the daily run
        // reminds her of it, and of nothing paid
        LocalDate due = LocalDate.parse(odoo.get("/simulator/invoices/" + unpaid.id()).expect(200).body()
                .path("invoice_date_due").asString());
        LocalDate day = due.plusDays(10).getDayOfWeek() == DayOfWeek.SUNDAY ? due.plusDays(11) : due.plusDays(10);
        await().atMost(FLOW).untilAsserted(() -> {
            List<JsonNode> planned = planned(reminders, day);
            assertThat(planned).anySatisfy(r -> {
                assertThat(r.path("number").asString()).isEqualTo(unpaid.number());
                assertThat(r.path("level").asInt()).isEqualTo(10);
            });
            assertThat(planned).noneSatisfy(r -> assertThat(r.path("number").asString()).isEqualTo(invoice.number()));
        });
        try {
            reminders.put("/admin/clock", Map.of("now", day.atTime(LocalTime.of(10, 0)).atZone(DAKAR).toInstant()
                    .toString())).expect(200);
            // (a stack that started in the quiet hours runs today's reminders, "aujourd'hui", once it is 08:00)
            WebElement reminder = message(wait, "template", unpaid.number(), "jours de retard");
            assertThat(plain(body(reminder))).contains("Khady Ndiaye", "n'est pas encore réglée", "jours de retard",
                    "11 800", stack.url(StackService.BILLING_NOTIFIER) + "/pay/");
            assertThat(reminder.getText()).contains("template invoice_reminder_overdue (fr)");
        } finally {
            reminders.put("/admin/clock", Map.of("offset", "PT0S")).expect(200);
        }
    }

    /** An invoice on the Odoo page: its record id and number. */
    private record Posted(String id, String number) {
    }

    /**
     * A quotation for the customer just created (the form keeps her selected) of {@code bags} bags of cement, opened
     * on the page; {@code previous} is an earlier order of hers, not the one to wait for.
     */
    private static String quotation(WebDriverWait wait, int bags, String previous) {
        wait.until(d -> new Select(d.findElement(By.id("order-partner"))).getFirstSelectedOption().getText()
                .contains("Khady Ndiaye"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-line-product-0")));
        new Select(browser.findElement(By.id("order-line-product-0"))).selectByValue("88");
        browser.findElement(By.id("order-line-qty-0")).clear();
        browser.findElement(By.id("order-line-qty-0")).sendKeys(String.valueOf(bags));
        browser.findElement(By.id("order-submit")).click();
        String notPrevious = previous == null ? "" : ":not([data-order-id='" + previous + "'])";
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='order-detail'][data-state='draft']" + notPrevious))).getAttribute("data-order-id");
    }

    /** "Create invoice" on the open order, then "Confirm (post)" on the invoice that opens. */
    private static Posted invoiceAndPost(WebDriverWait wait, String previous) {
        click(wait, By.id("order-invoice"));
        click(wait, By.id("invoice-post"));
        String notPrevious = previous == null ? "" : ":not([data-invoice-id='" + previous + "'])";
        By posted = By.cssSelector("[data-testid='invoice-detail'][data-state='posted']" + notPrevious);
        String id = wait.until(ExpectedConditions.presenceOfElementLocated(posted)).getAttribute("data-invoice-id");
        String number = wait.until(d -> d.findElement(By.cssSelector("[data-testid='invoice-detail'][data-invoice-id='"
                + id + "'] #invoice-title")).getText());
        return new Posted(id, number);
    }

    /** The business message of this type on the open chat whose text contains every one of {@code texts}. */
    private static WebElement message(WebDriverWait wait, String type, String... texts) {
        return wait.until(d -> d.findElements(By.cssSelector(
                        "[data-testid='message'][data-direction='business'][data-type='" + type + "']")).stream()
                .filter(m -> Arrays.stream(texts).allMatch(plain(body(m))::contains)).findFirst().orElse(null));
    }

    /** Its text, its caption or its template's body; empty for a document without caption. */
    private static String body(WebElement message) {
        return message.findElements(By.cssSelector("[data-testid='message-body']")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    /** Amounts are grouped with narrow no-break spaces in French. */
    private static String plain(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** The reminders the scheduler's dry run plans for {@code day}. */
    private static List<JsonNode> planned(JsonHttp reminders, LocalDate day) {
        JsonNode plan = reminders.get("/admin/plan?company=" + COMPANY + "&day=" + day).expect(200).body();
        return StreamSupport.stream(plan.path("reminders").spliterator(), false).toList();
    }

    /** Clicks once it is there and enabled; the pages draw their parts again as data changes (a stale element). */
    private static void click(WebDriverWait wait, By what) {
        wait.until(d -> {
            WebElement element = d.findElement(what);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }
}
