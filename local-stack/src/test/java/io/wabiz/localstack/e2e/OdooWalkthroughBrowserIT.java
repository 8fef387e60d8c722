package io.wabiz.localstack.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.StackService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's acceptance test as a person does it, in headless Chromium with two tabs: the Odoo stand-in's page and
 * the phone page. A customer created on the Odoo page and a quotation for her → the message with its buttons on the
 * phone → tap Valider there → the Odoo page shows the order confirmed, the tap's proof in its chatter and
 * {@code x_whatsapp_validated} set; then the invoice is created and posted on the Odoo page, a partial payment
 * registered there, and the phone shows the residual message. Skipped, with the reason, without Chromium.
 */
class OdooWalkthroughBrowserIT {

    private static final Duration FLOW = Duration.ofSeconds(60);

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void browser() throws IOException {
        Optional<String> missing = SimulatorPageBrowserIT.Chromium.ensureInstalled();
        assumeTrue(missing.isEmpty(), () -> "Skipping the browser test: " + missing.orElseThrow());
        profile = Files.createTempDirectory("wabiz-chromium-odoo-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SimulatorPageBrowserIT.Chromium.browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(SimulatorPageBrowserIT.Chromium.driver().orElseThrow().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
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
    void aQuotationMadeOnTheOdooPageIsConfirmedByATapOnThePhonePageAndItsInvoicePaidInPartGivesTheResidual() {
        RunningStack stack = PlatformStack.get();
        String waId = Customers.newWaId();
        SimulatorApi.of(stack).createCustomer(waId, "Khady Ndiaye");
        WebDriverWait wait = new WebDriverWait(browser, FLOW);

        // the phone: the customer writes first (her 24-hour window opens)
        browser.get(stack.url(StackService.META_SIMULATOR) + "/");
        String phoneTab = browser.getWindowHandle();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='chat-item'][data-wa-id='" + waId + "']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat[data-wa-id='" + waId + "']")));
        browser.findElement(By.id("reply-text")).sendKeys("Bonjour, je vais commander du ciment");
        browser.findElement(By.id("reply-send")).click();

        // Odoo: a customer with her mobile, a quotation of 4 bags of cement
        browser.switchTo().newWindow(WindowType.TAB);
        String odooTab = browser.getWindowHandle();
        browser.get(stack.url(StackService.ODOO_SIMULATOR) + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("partner-name"))).sendKeys("Khady Ndiaye");
        browser.findElement(By.id("partner-mobile")).sendKeys("+" + waId);
        browser.findElement(By.id("partner-submit")).click();
        wait.ignoring(StaleElementReferenceException.class).until(d -> new Select(d.findElement(By.id("order-partner")))
                .getFirstSelectedOption().getText().contains("Khady Ndiaye"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-line-product-0")));
        new Select(browser.findElement(By.id("order-line-product-0"))).selectByValue("88");
        browser.findElement(By.id("order-line-qty-0")).clear();
        browser.findElement(By.id("order-line-qty-0")).sendKeys("4");
        browser.findElement(By.id("order-submit")).click();
        String order = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='order-detail'][data-state='draft']"))).getAttribute("data-order-id");

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

        // Odoo: invoice it, post it, register 9,000 of its 23,600
        click(wait, By.id("order-invoice"));
        click(wait, By.id("invoice-post"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='invoice-detail'][data-state='posted']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-testid='whatsapp-flag'][data-field='x_whatsapp_invoice_sent'][data-set='true']")));
        // in one go in the page: its detail is drawn again whenever Odoo changes, which would reset a typed amount
        ((JavascriptExecutor) browser).executeScript("document.getElementById('payment-amount').value = '9000';"
                + " document.getElementById('payment-submit').click();");

        // the phone: the payment acknowledged with what is left
        browser.switchTo().window(phoneTab);
        wait.until(d -> d.getPageSource().contains("nous avons bien reçu votre paiement"));
    }

    /** Clicks once it is there and enabled; the pages draw their parts again as data changes (a stale element). */
    private static void click(WebDriverWait wait, By what) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(what);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }
}
