package io.wabiz.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.localstack.RunningStack;
import io.wabiz.localstack.services.LocalSecrets;
import io.wabiz.localstack.services.StackService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The staff console in headless Chromium against the started stack, as an agent works in it: a message typed on
 * the simulator's phone page shows in the open inbox without reloading, the reply turns read; a closed window
 * offers templates; the admin screens are not offered and the admin APIs refuse; the Messages filters give the
 * API's answer; every page fits 375 px (the conversation page with a hand-off notice, the reminders screen and its
 * confirmation too) and the keyboard reaches the composer and pauses a partner's reminders. Skipped, with the reason, where
 * Chromium and chromedriver are missing and cannot be installed.
 */
class StaffConsoleBrowserIT {

    private static final Duration FLOW = Duration.ofSeconds(45);
    private static final String AGENT = "agent";
    private static final String ADMIN_TOKEN = "local-admin-token";

    private static final List<Path> profiles = new ArrayList<>();
    private static final List<WebDriver> browsers = new ArrayList<>();
    private static WebDriver browser;
    private static RunningStack stack;
    private static SimulatorApi simulator;
    private static StaffApi staff;
    private static String console;

    @BeforeAll
    static void browserAndStack() throws IOException {
        Optional<String> missing = SimulatorPageBrowserIT.Chromium.ensureInstalled();
        assumeTrue(missing.isEmpty(), () -> "Skipping the console's browser tests: " + missing.orElseThrow());
        stack = PlatformStack.get();
        simulator = SimulatorApi.of(stack);
        staff = StaffApi.of(stack);
        console = stack.url(StackService.STAFF_CONSOLE);
        browser = chromium(null);
        signIn(browser, AGENT, "agent");
    }

    @AfterAll
    static void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
        profiles.forEach(profile -> deleteQuietly(profile.toFile()));
    }

    @Test
    void aMessageTypedOnThePhoneAppearsInTheOpenInboxWithoutReloadingAndTheReplyTurnsRead() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Fatou Sarr");
        String conversationId = StaffApi.conversationId(waId);
        browser.get(console + "/");
        String inboxTab = browser.getWindowHandle();
        js(browser, "window.__notReloaded = true;");

        // the customer types on the simulator's phone page, in another tab
        browser.switchTo().newWindow(WindowType.TAB);
        String phoneTab = browser.getWindowHandle();
        browser.get(stack.url(StackService.META_SIMULATOR) + "/");
        WebDriverWait wait = new WebDriverWait(browser, FLOW);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid='chat-item'][data-wa-id='" + waId + "']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat[data-wa-id='" + waId + "']")));
        browser.findElement(By.id("reply-text")).sendKeys("Bonjour, où en est ma livraison ?");
        browser.findElement(By.id("reply-send")).click();
        long typedAt = System.nanoTime();

        browser.switchTo().window(inboxTab);
        By row = By.cssSelector("[data-testid='conversation'][data-conversation-id='" + conversationId + "']");
        WebElement conversation = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        long shownAfterMillis = (System.nanoTime() - typedAt) / 1_000_000;
        System.out.println("[console browser] the customer's message showed in the open inbox " + shownAfterMillis
                + " ms after it was sent on the phone page");
        assertThat(conversation.getText()).contains("Bonjour, où en est ma livraison ?");
        assertThat(conversation.getAttribute("data-unread")).isEqualTo("1");
        assertThat(js(browser, "return window.__notReloaded === true;")).isEqualTo(true);

        conversation.click();
        WebElement inbound = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='message'][data-direction='INBOUND']")));
        inbound.findElement(By.cssSelector("[data-testid='reply-link']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='quoting']")));
        WebElement text = browser.findElement(By.cssSelector("[data-testid='composer-text']"));
        text.sendKeys("Bonjour Fatou, elle part demain matin.");
        browser.findElement(By.cssSelector("[data-testid='send-button']")).click();

        By reply = By.xpath("//li[@data-testid='message' and @data-direction='OUTBOUND']"
                + "[.//*[@data-testid='message-text' and contains(., 'elle part demain matin')]]");
        wait.until(ExpectedConditions.presenceOfElementLocated(reply));
        wait.until(driver -> "READ".equals(driver.findElement(reply).getAttribute("data-status")));
        assertThat(browser.findElement(reply).findElement(By.cssSelector("[data-testid='status']")).getText())
                .contains("✓✓");
        // on the phone, the reply quotes the customer's message
        await().atMost(FLOW).until(() -> simulator.businessMessage(waId, m -> m.toString()
                .contains("elle part demain matin")).isPresent());
        // the conversation was marked read by opening it
        assertThat(staff.messages(waId)).isNotEmpty();
        browser.switchTo().window(phoneTab).close();
        browser.switchTo().window(inboxTab);
    }

    @Test
    void withAClosedWindowTheComposerOffersTemplatesAndTheChosenOneReachesThePhone() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Cheikh Diallo");
        // a first template opens the conversation without opening the window (the customer never wrote)
        staff.send(waId, reopen("Cheikh"), null).expect(202);
        await().atMost(FLOW).until(() -> simulator.chat(waId).size() == 1);

        browser.get(console + "/conversations/" + StaffApi.conversationId(waId));
        WebDriverWait wait = new WebDriverWait(browser, FLOW);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='window-closed']")));
        assertThat(browser.findElements(By.cssSelector("[data-testid='composer-text']"))).isEmpty();
        new Select(browser.findElement(By.cssSelector("#composer [data-testid='template-select']")))
                .selectByValue("conversation_reopen:fr");
        WebElement parameter = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#composer [data-testid='template-param']")));
        // the platform knows no name for a customer who never wrote and is no ERP partner: nothing is guessed
        assertThat(parameter.getAttribute("value")).isEmpty();
        parameter.sendKeys("Cheikh");
        browser.findElement(By.cssSelector("#composer [data-testid='send-button']")).click();

        await().atMost(FLOW).until(() -> simulator.chat(waId).size() == 2);
        JsonNode second = simulator.chat(waId).get(1);
        assertThat(second.path("type").asString()).isEqualTo("template");
        assertThat(second.path("template").path("body").asString()).startsWith("Bonjour Cheikh,");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-testid='message'][data-type='template']"), 2));
    }

    @Test
    void anAgentIsNotOfferedTheAdminScreensAndTheAdminApisRefuseTheAgentsToken() {
        browser.get(console + "/");
        assertThat(browser.findElements(By.cssSelector("[data-testid='nav-admin']"))).isEmpty();
        browser.get(console + "/automation");
        assertThat(browser.findElements(By.cssSelector("[data-testid='denied']"))).hasSize(1);
        browser.get(console + "/send/bulk");
        assertThat(browser.findElements(By.cssSelector("[data-testid='denied']"))).hasSize(1);

        JsonHttp asAgent = new JsonHttp(stack.url(StackService.CONVERSATION_SERVICE),
                Map.of("Authorization", "Bearer " + StaffApi.LOCAL_AGENT_TOKEN));
        Map<String, Object> bulk = Map.of("partnerIds", List.of("1"), "content", Map.of("kind", "text", "body", "x"));
        assertThat(asAgent.post("/api/bulk-sends", bulk).status()).isEqualTo(403);
        assertThat(asAgent.post("/api/bulk-sends/preview", bulk).status()).isEqualTo(403);
        JsonHttp asAdmin = new JsonHttp(stack.url(StackService.CONVERSATION_SERVICE),
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(asAdmin.post("/api/bulk-sends/preview", bulk).status()).isEqualTo(200);
    }

    @Test
    void theMessagesFiltersGiveTheSameMessagesAsTheApiForTheSameQuery() {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Ndeye Faye");
        simulator.customerWrites(waId, "Premier message");
        simulator.customerWrites(waId, "Deuxième message");
        await().atMost(FLOW).until(() -> staff.messages(waId).size() == 2);
        staff.send(waId, new OutboundContent.Text("Merci, nous regardons.", false), null).expect(202);
        await().atMost(FLOW).until(() -> staff.messages(waId).size() == 3);

        browser.get(console + "/messages");
        new Select(browser.findElement(By.id("f-direction"))).selectByValue("INBOUND");
        new Select(browser.findElement(By.id("f-type"))).selectByValue("text");
        browser.findElement(By.id("f-contact")).sendKeys("+" + waId);
        browser.findElement(By.cssSelector("[data-testid='message-filters'] button[type='submit']")).click();
        new WebDriverWait(browser, FLOW).until(ExpectedConditions.urlContains("direction=INBOUND"));
        List<String> shown = browser.findElements(By.cssSelector("[data-testid='message-row']")).stream()
                .map(r -> r.getAttribute("data-message-id")).toList();

        JsonNode api = new JsonHttp(stack.url(StackService.CONVERSATION_SERVICE),
                Map.of("Authorization", "Bearer " + StaffApi.LOCAL_AGENT_TOKEN))
                .get("/api/messages?direction=INBOUND&type=text&contact=%2B" + waId + "&size=50").expect(200).body();
        List<String> expected = StreamSupport.stream(api.path("items").spliterator(), false)
                .map(m -> m.path("id").asString()).toList();
        assertThat(shown).hasSize(2).containsExactlyElementsOf(expected);

        // the whole period as days, and outbound only: the staff's answer alone
        browser.get(console + "/messages?direction=OUTBOUND&contact=%2B" + waId);
        assertThat(browser.findElements(By.cssSelector("[data-testid='message-row']"))).hasSize(1);
    }

    @Test
    void everyPageFits375PixelsWithoutSidewaysScrollingAndTheKeyboardReachesTheComposerAndSends() throws IOException {
        String waId = Customers.newWaId();
        simulator.createCustomer(waId, "Mamadou Lamine Ndiaye-Sow, Établissements Commerciaux du Sénégal");
        simulator.customerWrites(waId, "Une question avec un très long mot: https://exemple.sn/commande/S000000000000042/details");
        await().atMost(FLOW).until(() -> staff.messages(waId).size() == 1);
        String conversation = "/conversations/" + StaffApi.conversationId(waId);
        // the customer asked for an advisor (the scenario engine's hand-off, with a long reason): the page says so
        String askingWamid = staff.messages(waId).get(0).path("wamid").asString();
        try (CommandPublisher handOffs = new CommandPublisher(stack.kafkaBootstrapServers())) {
            handOffs.publish(new HandOffRequested(UUID.randomUUID().toString(), Instant.now(),
                    LocalSecrets.PHONE_NUMBER_ID, waId, null, askingWamid,
                    "menu: Parler à un conseiller commercial pour une commande groupée de fin d'année", "scenario:menu",
                    "fr", Instant.now().plus(Duration.ofHours(2)), List.of()));
        }
        JsonHttp asAgent = new JsonHttp(stack.url(StackService.CONVERSATION_SERVICE),
                Map.of("Authorization", "Bearer " + StaffApi.LOCAL_AGENT_TOKEN));
        await().atMost(FLOW).until(() -> asAgent.get("/api/conversations/" + StaffApi.conversationId(waId)).expect(200)
                .body().path("waitingForStaff").asBoolean());

        WebDriver phone = chromium(375);
        signIn(phone, "admin", "admin");
        Map<String, Long> overflow = new HashMap<>();
        for (String page : List.of("/", conversation, "/messages", "/send", "/templates", "/costs", "/send/bulk",
                "/automation", "/automation/reminders", "/automation/reminders/pause?target=PARTNER&id=res.partner/1",
                "/messages?direction=INBOUND")) {
            phone.get(console + page);
            new WebDriverWait(phone, FLOW).until(d -> "complete".equals(js(d, "return document.readyState;")));
            assertThat(js(phone, "return window.innerWidth;")).isEqualTo(375L);
            long sideways = (Long) js(phone, "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            overflow.put(page, sideways);
            screenshot(phone, page);
        }
        assertThat(overflow).allSatisfy((page, pixels) -> assertThat(pixels).as(page).isLessThanOrEqualTo(0L));
        // usable, not merely narrow: the thread's bubbles and the composer use the width of the screen
        phone.get(console + conversation);
        assertThat(phone.findElement(By.cssSelector("[data-testid='waiting-for-staff']")).getText())
                .contains("conseiller commercial");
        assertThat(phone.findElement(By.cssSelector("[data-testid='composer-text']")).getSize().getWidth())
                .isGreaterThan(300);
        assertThat(phone.findElement(By.cssSelector("[data-testid='message']")).getSize().getWidth()).isGreaterThan(200);

        // keyboard only: Tab from the top of the page reaches the composer, then its send button
        phone.get(console + conversation);
        js(phone, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        String focused = "";
        for (int presses = 0; presses < 40 && !"composer-text".equals(focused); presses++) {
            WebElement current = phone.switchTo().activeElement();
            if ("skip-to-composer".equals(current.getAttribute("data-testid"))) {
                new Actions(phone).sendKeys(Keys.ENTER).perform();
            } else {
                new Actions(phone).sendKeys(Keys.TAB).perform();
            }
            focused = String.valueOf(phone.switchTo().activeElement().getAttribute("data-testid"));
        }
        assertThat(focused).as("the keyboard reaches the composer").isEqualTo("composer-text");
        new Actions(phone).sendKeys("Réponse au clavier").sendKeys(Keys.TAB).perform();
        assertThat(phone.switchTo().activeElement().getAttribute("data-testid")).isEqualTo("send-button");
        new Actions(phone).sendKeys(Keys.ENTER).perform();
        await().atMost(FLOW).until(() -> staff.messages(waId).stream()
                .anyMatch(m -> m.path("text").asString().equals("Réponse au clavier")));
        // staff answered: the hand-off notice goes with the thread's next refresh
        new WebDriverWait(phone, FLOW).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[data-testid='waiting-for-staff']"), 0));

        // keyboard only on the reminders screen: the pause form, its confirmation, the service's answer
        String partner = "res.partner/e2e-" + UUID.randomUUID();
        phone.get(console + "/automation/reminders");
        js(phone, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        tabUntil(phone, "p-id");
        new Actions(phone).sendKeys(partner).sendKeys(Keys.ENTER).perform();
        WebElement confirm = new WebDriverWait(phone, FLOW).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='confirm-button']")));
        assertThat(phone.findElement(By.cssSelector("[data-testid='reminders-confirm']")).getText()).contains(partner);
        tabUntil(phone, "confirm-button");
        assertThat(phone.switchTo().activeElement()).isEqualTo(confirm);
        new Actions(phone).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(phone, FLOW).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='pause'][data-id='" + partner + "']")));
        assertThat(phone.findElement(By.cssSelector("[data-testid='reminders-done']")).getText()).contains(partner);
    }

    /** Presses Tab until the element with this id or data-testid has the focus (the plan may list many links). */
    private static void tabUntil(WebDriver driver, String idOrTestId) {
        for (int presses = 0; presses < 400; presses++) {
            WebElement current = driver.switchTo().activeElement();
            if (idOrTestId.equals(current.getAttribute("id")) || idOrTestId.equals(current.getAttribute("data-testid"))) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("the keyboard did not reach " + idOrTestId);
    }

    private static OutboundContent.Template reopen(String name) {
        return new OutboundContent.Template("conversation_reopen", "fr", List.of(
                new TemplateComponent("body", null, null, List.of(TemplateParameter.text(name)))));
    }

    private static void signIn(WebDriver driver, String user, String password) {
        driver.get(console + "/signin");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("[data-testid='signin-form'] button[type='submit']")).click();
        new WebDriverWait(driver, FLOW).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='inbox-list']")));
    }

    /** A headless Chromium; with a width, one that reports itself as a phone of that width. */
    private static WebDriver chromium(Integer phoneWidth) throws IOException {
        Path profile = Files.createTempDirectory("wabiz-console-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SimulatorPageBrowserIT.Chromium.browser().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--lang=fr-FR", "--user-data-dir=" + profile);
        if (phoneWidth == null) {
            options.addArguments("--window-size=1280,900");
        } else {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", phoneWidth, "height", 812, "pixelRatio", 2.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(SimulatorPageBrowserIT.Chromium.driver().orElseThrow().toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        browsers.add(driver);
        return driver;
    }

    private static Object js(WebDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Kept under target/ for a person to look at (the check itself is the scroll width). */
    private static void screenshot(WebDriver driver, String page) throws IOException {
        Path folder = Path.of("target", "console-screenshots");
        Files.createDirectories(folder);
        String name = page.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve("375-" + (name.isEmpty() ? "inbox" : name) + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
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
}
