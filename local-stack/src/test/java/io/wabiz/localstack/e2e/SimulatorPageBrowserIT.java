package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.StackService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator's chat page in headless Chromium: a person taps a reply button and the tap reaches the
 * conversation history. Skipped, with the reason, where Chromium and chromedriver are missing and cannot be
 * installed ({@code local-stack/install-chromium}).
 */
class SimulatorPageBrowserIT {

    private static final Duration FLOW = Duration.ofSeconds(45);

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void browser() throws IOException {
        Optional<String> missing = Chromium.ensureInstalled();
        assumeTrue(missing.isEmpty(), () -> "Skipping the browser test: " + missing.orElseThrow());
        profile = Files.createTempDirectory("wabiz-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.driver().orElseThrow().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            deleteQuietly(profile.toFile());
        }
    }

    @Test
    void buttonTappedOnTheSimulatorPageReachesTheConversationHistory() {
        RunningStack stack = PlatformStack.get();
        SimulatorApi simulator = SimulatorApi.of(stack);
        StaffApi staff = StaffApi.of(stack);
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Ousmane Faye");

        // the customer writes from the page, which opens the 24-hour window for interactive messages
        browser.get(stack.url(StackService.META_SIMULATOR) + "/");
        WebDriverWait wait = new WebDriverWait(browser, FLOW);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='chat-item'][data-wa-id='" + waId + "']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat[data-wa-id='" + waId + "']")));
        browser.findElement(By.id("reply-text")).sendKeys("Bonjour, je veux valider ma commande");
        browser.findElement(By.id("reply-send")).click();
        await().atMost(FLOW).until(() -> staff.messages(waId).size() == 1);

        String orderId = "S" + waId.substring(6);
        staff.send(waId, new OutboundContent.ReplyButtons(null, "Commande " + orderId + " : 125 000 XOF. Que souhaitez-vous faire ?",
                null, List.of(new OutboundContent.ReplyButton("order:" + orderId + ":confirm", "Valider"),
                        new OutboundContent.ReplyButton("order:" + orderId + ":cancel", "Annuler"))), null).expect(202);

        WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "button[data-testid='reply-button'][data-button-id='order:" + orderId + ":confirm']")));
        confirm.click();

        await().atMost(FLOW).untilAsserted(() -> assertThat(staff.messages(waId)).anySatisfy(message -> {
            assertThat(message.path("direction").asString()).isEqualToIgnoringCase("INBOUND");
            assertThat(message.toString()).contains("order:" + orderId + ":confirm").contains("Valider");
        }));
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }

    /** Finds Chromium and chromedriver, installing the Debian packages when allowed and possible. */
    static final class Chromium {

        private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
        private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

        static Optional<Path> browser() {
            return firstExecutable(BROWSERS);
        }

        static Optional<Path> driver() {
            return firstExecutable(DRIVERS);
        }

        /** Empty when both are there; else why the test cannot run. */
        static Optional<String> ensureInstalled() {
            if (browser().isPresent() && driver().isPresent()) {
                return Optional.empty();
            }
            Path installer = Path.of(System.getProperty("wabiz.root", "..")).resolve("local-stack/install-chromium");
            if (!Boolean.parseBoolean(System.getProperty("wabiz.e2e.install-chromium", "true")) || !Files.isExecutable(installer)) {
                return Optional.of("Chromium or chromedriver not found (install the Debian packages chromium and "
                        + "chromium-driver, e.g. with local-stack/install-chromium)");
            }
            try {
                Process install = new ProcessBuilder(installer.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                if (!install.waitFor(10, TimeUnit.MINUTES)) {
                    install.destroyForcibly();
                }
            } catch (IOException e) {
                return Optional.of("cannot run " + installer + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while installing Chromium");
            }
            return browser().isPresent() && driver().isPresent() ? Optional.empty()
                    : Optional.of("Chromium or chromedriver not found and " + installer
                    + " could not install them (needs apt-get and root or password-less sudo)");
        }

        private static Optional<Path> firstExecutable(List<String> candidates) {
            return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        }
    }
}
