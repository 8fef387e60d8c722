package io.wabiz.notifier.invoices;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.Topics;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.SendForm;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notifier.InvoiceSamples;
import io.wabiz.notifier.ServiceTest;
import io.wabiz.notifier.WaveStub;
import io.wabiz.notifier.pdf.PdfText;
import io.wabiz.testsupport.TopicWatcher;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The invoice flows end to end through the real broker, MongoDB and HTTP: the PDF message, the residual, the
 * payment links against Wave (WireMock), the callbacks, the signed document links and the cancellation.
 */
class InvoiceFlowsTest extends ServiceTest {

    private static final Duration QUIET = Duration.ofSeconds(3);
    private static final String WEBHOOK_SECRET = "wave_sn_WHS_test_webhook_secret";
    private static final Pattern PAY_LINK = Pattern.compile("http://localhost:8084(/pay/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void postedInvoiceGivesOneDocumentMessageCarryingThePdfAndTheErpHearsOnceAccepted() {
        PdfText.assumePopplerInstalled();
        String partnerId = "res.partner/" + newId();
        String mobile = newMobile();
        kafka.publish(partner(partnerId, mobile, "fr_FR", OptInState.OPTED_IN, true, "1"));
        Invoice invoice = InvoiceSamples.invoice("account.move/" + newId(), 4, partnerId);
        String key = "invoice:invoice:" + invoice.invoiceId() + ":v" + invoice.version();
        SendMessage command;
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            InvoicePosted posted = new InvoicePosted(UUID.randomUUID().toString(), now(), invoice);
            kafka.publish(posted);
            command = commands.awaitEvent(SendMessage.class, c -> c.idempotencyKey().equals(key));
            kafka.publish(posted); // the ERP publishes it again
            kafka.publish(new InvoicePosted(UUID.randomUUID().toString(), now(), invoice));
            staysAt(commands, c -> c.idempotencyKey().startsWith("invoice:invoice:" + invoice.invoiceId()), 1);
        }
        assertThat(command.recipientWaId()).isEqualTo(waIdOf(mobile));
        assertThat(command.businessPhoneNumberId()).isEqualTo(BUSINESS_NUMBER);
        OutboundContent.Document document = (OutboundContent.Document) command.content();
        assertThat(document.filename()).isEqualTo(invoice.number().replace('/', '-') + ".pdf");
        assertThat(document.caption()).contains("Bonjour Awa Diop", invoice.number(), "http://localhost:8084/pay/");
        assertThat(document.upload().mimeType()).isEqualTo("application/pdf");
        String text = PdfText.text(document.upload().bytes()).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        assertThat(text).contains(invoice.number(), "Sahel Matériaux SARL", "Reste à payer", "Total TTC");
        invoice.lines().forEach(line -> assertThat(text).contains(line.productName()));
        assertThat(text.replace(" ", "")).contains("FCFA").contains(invoice.amountTotal().toPlainString()
                .replaceAll("(\\d)(?=(\\d{3})+$)", "$1"));
        OutboundContent.Template fallback = command.fallbackTemplate();
        assertThat(fallback.name()).isEqualTo("invoice_posted");
        assertThat(fallback.components().getFirst().parameters().getFirst().upload().bytes())
                .isEqualTo(document.upload().bytes());

        try (TopicWatcher erp = kafka.watch(Topics.ERP_NOTIFICATIONS)) {
            kafka.publish(new MessageAccepted(UUID.randomUUID().toString(), now(), command.id(), key,
                    command.businessPhoneNumberId(), command.recipientWaId(), "wamid.invoice-" + newId(),
                    SendForm.FREE_FORM, new OutboundContent.Document(null, "985569392615996", document.filename(),
                    document.caption()), command.correlation(), null));
            NotificationRecorded recorded = erp.awaitEvent(NotificationRecorded.class,
                    r -> r.documentId().equals(invoice.invoiceId()));
            assertThat(recorded.kind()).isEqualTo(NotificationKind.INVOICE);
        }
    }

    @Test
    void anInvoiceForAnOptedOutPartnerSendsNothingAndTheApiAndMetricsSayWhy() {
        String partnerId = newId(); // no slash: it is a path segment of the partner API
        kafka.publish(partner(partnerId, newMobile(), "fr_FR", OptInState.OPTED_OUT, true, "1"));
        Invoice invoice = InvoiceSamples.invoice("account.move/" + newId(), 1, partnerId);
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(new InvoicePosted(UUID.randomUUID().toString(), now(), invoice));
            String query = "/api/notifications?documentType=INVOICE&documentId="
                    + java.net.URLEncoder.encode(invoice.invoiceId(), StandardCharsets.UTF_8);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Answer answer = get(query, AGENT);
                assertThat(answer.body().get("items")).hasSize(1);
                assertThat(answer.body().get("items").get(0).get("state").asString()).isEqualTo("SKIPPED");
                assertThat(answer.body().get("items").get(0).get("skipped").get("reason").asString())
                        .isEqualTo("opted_out");
            });
            commands.assertNothingFor(Duration.ofSeconds(1));
        }
        assertThat(get("/api/partners/" + partnerId, AGENT).body().get("unreachable").asString())
                .isEqualTo("opted_out");
        assertThat(metrics()).contains("notifier_skips_total{kind=\"invoice\",reason=\"opted_out\"}");
    }

    @Test
    void residualFrom100000To40000IsToldOnceAndASmallChangeNotAtAll() {
        String partnerId = "res.partner/" + newId();
        kafka.publish(partner(partnerId, newMobile(), "fr_FR", OptInState.OPTED_IN, true, "1"));
        Invoice invoice = InvoiceSamples.withTotal(InvoiceSamples.invoice("account.move/" + newId(), 2, partnerId),
                new BigDecimal("100000"));
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(new InvoicePosted(UUID.randomUUID().toString(), now(), invoice));
            commands.awaitEvent(SendMessage.class, c -> c.idempotencyKey().startsWith("invoice:invoice:"
                    + invoice.invoiceId()));
            InvoiceUpdated partial = new InvoiceUpdated(UUID.randomUUID().toString(), now(), new BigDecimal("100000"),
                    PaymentState.NOT_PAID, InvoiceSamples.withResidual(invoice, new BigDecimal("40000"), "v2"));
            kafka.publish(partial);
            SendMessage residual = commands.awaitEvent(SendMessage.class,
                    c -> c.idempotencyKey().equals("residual:invoice:" + invoice.invoiceId() + ":vv2"));
            kafka.publish(partial); // the same event twice
            kafka.publish(new InvoiceUpdated(UUID.randomUUID().toString(), now(), new BigDecimal("40000"),
                    PaymentState.PARTIAL, InvoiceSamples.withResidual(invoice, new BigDecimal("39800"), "v3")));
            staysAt(commands, c -> c.idempotencyKey().startsWith("residual:invoice:" + invoice.invoiceId()), 1);

            OutboundContent.CtaUrl content = (OutboundContent.CtaUrl) residual.content();
            String body = content.body().replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(body).contains("60 000 F CFA", "40 000 F CFA", invoice.number());
            assertThat(content.url()).startsWith("http://localhost:8084/pay/");
            assertThat(residual.fallbackTemplate().name()).isEqualTo("invoice_residual");
        }
    }

    @Test
    void payLinkOpensASessionForTheResidualThenDueAndSaysWhenPaidOrCancelled() throws Exception {
        String partnerId = "res.partner/" + newId();
        kafka.publish(partner(partnerId, newMobile(), "fr_FR", OptInState.OPTED_IN, true, "1"));
        Invoice invoice = InvoiceSamples.withTotal(InvoiceSamples.invoice("account.move/" + newId(), 1, partnerId),
                new BigDecimal("100000"));
        String payPath;
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(new InvoicePosted(UUID.randomUUID().toString(), now(), invoice));
            SendMessage command = commands.awaitEvent(SendMessage.class, c -> c.idempotencyKey().startsWith(
                    "invoice:invoice:" + invoice.invoiceId()));
            payPath = payPath(((OutboundContent.Document) command.content()).caption());
        }
        String cos = "cos-" + newId();
        stubCreate(cos, "100000", Instant.now().plus(Duration.ofMinutes(30)));

        HttpResponse<String> first = open(payPath);
        HttpResponse<String> second = open(payPath);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("https://pay.wave.com/c/" + cos);
        assertThat(second.headers().firstValue("Location")).hasValue("https://pay.wave.com/c/" + cos);
        WaveStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(equalToJson("{\"amount\":\"100000\",\"currency\":\"XOF\"}", true, true)));

        // a partial payment later: the same link now opens a session for what is left
        kafka.publish(new InvoiceUpdated(UUID.randomUUID().toString(), now(), new BigDecimal("100000"),
                PaymentState.NOT_PAID, InvoiceSamples.withResidual(invoice, new BigDecimal("40000"), "v2")));
        String next = "cos-" + newId();
        stubCreate(next, "40000", Instant.now().plus(Duration.ofMinutes(30)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                open(payPath).headers().firstValue("Location").orElse("").endsWith(next));
        WaveStub.server().verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(equalToJson("{\"amount\":\"40000\"}", true, true)));
        // the session for 100 000 still open at Wave is expired: a customer on it would pay more than is due
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> WaveStub.server()
                .verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + cos + "/expire"))));
        WaveStub.server().verify(0, postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + next + "/expire")));

        kafka.publish(new InvoiceUpdated(UUID.randomUUID().toString(), now(), new BigDecimal("40000"),
                PaymentState.PARTIAL, InvoiceSamples.withResidual(invoice, BigDecimal.ZERO, "v3")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> open(payPath).body()
                .contains("déjà payée"));

        kafka.publish(new InvoiceCancelled(UUID.randomUUID().toString(), now(),
                InvoiceSamples.withResidual(invoice, BigDecimal.ZERO, "v4")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> open(payPath).statusCode() == 410);
        assertThat(open(payPath).body()).contains("annulée").doesNotContain("Exception");
        assertThat(open("/pay/forged.token").statusCode()).isEqualTo(404);
    }

    @Test
    void expiredSessionIsNotReused() throws Exception {
        String partnerId = "res.partner/" + newId();
        kafka.publish(partner(partnerId, newMobile(), "fr_FR", OptInState.OPTED_IN, true, "1"));
        Invoice invoice = InvoiceSamples.withTotal(InvoiceSamples.invoice("account.move/" + newId(), 1, partnerId),
                new BigDecimal("25000"));
        String payPath = postAndGetPayPath(invoice);
        String stale = "cos-" + newId();
        stubCreate(stale, "25000", Instant.now().plus(Duration.ofMinutes(2))); // closes before the customer could pay
        assertThat(open(payPath).headers().firstValue("Location")).hasValue("https://pay.wave.com/c/" + stale);
        String fresh = "cos-" + newId();
        stubCreate(fresh, "25000", Instant.now().plus(Duration.ofMinutes(30)));

        assertThat(open(payPath).headers().firstValue("Location")).hasValue("https://pay.wave.com/c/" + fresh);
    }

    @Test
    void signedCallbackBooksThePaymentOnceAndForgedOrDisagreeingOnesNothing() throws Exception {
        String partnerId = "res.partner/" + newId();
        kafka.publish(partner(partnerId, newMobile(), "fr_FR", OptInState.OPTED_IN, true, "1"));
        Invoice invoice = InvoiceSamples.withTotal(InvoiceSamples.invoice("account.move/" + newId(), 1, partnerId),
                new BigDecimal("15000"));
        String payPath = postAndGetPayPath(invoice);
        String cos = "cos-" + newId();
        stubCreate(cos, "15000", Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(open(payPath).statusCode()).isEqualTo(303);
        String transaction = "T" + newId();
        String event = completedEvent(cos, "15000", transaction);

        try (TopicWatcher payments = kafka.watch(Topics.ERP_PAYMENTS)) {
            // forged: wrong secret
            assertThat(callback(event, sign("not-the-secret", event)).statusCode()).isEqualTo(401);
            // genuine callback, but Wave says the session was paid another amount: nothing booked
            stubSession(cos, "1500", transaction);
            assertThat(callback(event, sign(WEBHOOK_SECRET, event)).statusCode()).isEqualTo(200);
            paymentsStayAt(payments, invoice.invoiceId(), 0);

            stubSession(cos, "15000", transaction);
            assertThat(callback(event, sign(WEBHOOK_SECRET, event)).statusCode()).isEqualTo(200);
            PaymentReceived received = payments.awaitEvent(PaymentReceived.class,
                    p -> p.invoiceId().equals(invoice.invoiceId()));
            assertThat(received.amount()).isEqualByComparingTo("15000");
            assertThat(received.currency()).isEqualTo("XOF");
            assertThat(received.provider()).isEqualTo("wave");
            assertThat(received.providerTransactionId()).isEqualTo(transaction);
            assertThat(received.invoiceNumber()).isEqualTo(invoice.number());

            assertThat(callback(event, sign(WEBHOOK_SECRET, event)).statusCode()).isEqualTo(200); // Wave retries
            paymentsStayAt(payments, invoice.invoiceId(), 1);
        }
    }

    @Test
    void documentLinkServesTheSentBytesAndStopsWhenTheInvoiceIsCancelled() throws Exception {
        String partnerId = "res.partner/" + newId();
        kafka.publish(partner(partnerId, newMobile(), "fr_FR", OptInState.OPTED_IN, true, "1"));
        Invoice invoice = InvoiceSamples.invoice("account.move/" + newId(), 2, partnerId);
        SendMessage posted;
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(new InvoicePosted(UUID.randomUUID().toString(), now(), invoice));
            posted = commands.awaitEvent(SendMessage.class, c -> c.idempotencyKey().startsWith("invoice:invoice:"
                    + invoice.invoiceId()));
            kafka.publish(new io.wabiz.events.erp.SendDocumentDetails(UUID.randomUUID().toString(), now(),
                    io.wabiz.events.erp.ErpDocumentType.INVOICE, invoice.invoiceId(), NotificationKind.INVOICE_DETAILS,
                    BUSINESS_NUMBER, "221770000123", "wamid.ask-" + newId()));
            SendMessage details = commands.awaitEvent(SendMessage.class, c -> c.idempotencyKey()
                    .startsWith("invoice_details:invoice:" + invoice.invoiceId()));
            String text = details.content() instanceof OutboundContent.CtaUrl cta ? cta.body()
                    : ((OutboundContent.Text) details.content()).body();
            assertThat(text).contains(invoice.number(), invoice.lines().getFirst().productName());
            Matcher link = Pattern.compile("http://localhost:8084(/documents/\\S+)").matcher(text);
            assertThat(link.find()).isTrue();
            String path = link.group(1);

            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.body()).isEqualTo(((OutboundContent.Document) posted.content()).upload().bytes());

            String tampered = path.substring(0, path.length() - 3) + (path.endsWith("AAA") ? "BBB" : "AAA");
            assertThat(open(tampered).statusCode()).isEqualTo(404);
            assertThat(open(tampered).body()).contains("Lien inconnu").doesNotContain("Exception");

            // the PDF message is in the log (published, awaiting Meta): the customer is told the invoice is void
            kafka.publish(new InvoiceCancelled(UUID.randomUUID().toString(), now(), invoice));
            SendMessage voided = commands.awaitEvent(SendMessage.class,
                    c -> c.idempotencyKey().equals("invoice:invoice:" + invoice.invoiceId() + ":cancelled"));
            assertThat(((OutboundContent.Text) voided.content()).body()).contains("annulée", invoice.number());
            HttpResponse<String> gone = open(path);
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.body()).contains("annulée");
        }
    }

    /**
     * Over the quiet period, the matching commands are {@code count} distinct messages: a fact seen again while its
     * message is still pending republishes the very same command (same id and idempotency key), which the sender
     * sends at most once; it never makes a second one.
     */
    private static void staysAt(TopicWatcher commands, java.util.function.Predicate<SendMessage> matching, int count) {
        org.awaitility.Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(10))
                .until(() -> commands.events(SendMessage.class).stream().filter(matching)
                        .map(c -> c.id() + "|" + c.idempotencyKey()).distinct().count() == count);
    }

    private static void paymentsStayAt(TopicWatcher payments, String invoiceId, int count) {
        org.awaitility.Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(10))
                .until(() -> payments.events(PaymentReceived.class).stream()
                        .filter(p -> p.invoiceId().equals(invoiceId)).count() == count);
    }

    private String postAndGetPayPath(Invoice invoice) {
        try (TopicWatcher commands = kafka.watch(Topics.OUTBOUND_COMMANDS)) {
            kafka.publish(new InvoicePosted(UUID.randomUUID().toString(), now(), invoice));
            SendMessage command = commands.awaitEvent(SendMessage.class, c -> c.idempotencyKey().startsWith(
                    "invoice:invoice:" + invoice.invoiceId()));
            return payPath(((OutboundContent.Document) command.content()).caption());
        }
    }

    private static String payPath(String text) {
        Matcher matcher = PAY_LINK.matcher(text);
        assertThat(matcher.find()).as("a payment link in %s", text).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> callback(String body, String signature) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/payments/callbacks/wave"))
                .header("Content-Type", "application/json").header("Wave-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stubCreate(String cos, String amount, Instant expires) {
        WaveStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/checkout/sessions").withRequestBody(equalToJson(
                "{\"amount\":\"" + amount + "\"}", true, true)).willReturn(okJson("""
                {"id":"%s","amount":"%s","currency":"XOF","checkout_status":"open","payment_status":"processing",
                 "wave_launch_url":"https://pay.wave.com/c/%s","when_created":"%s","when_expires":"%s"}"""
                .formatted(cos, amount, cos, Instant.now(), expires))));
    }

    private static void stubSession(String cos, String amount, String transaction) {
        WaveStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/checkout/sessions/" + cos).willReturn(okJson("""
                {"id":"%s","amount":"%s","currency":"XOF","checkout_status":"complete","payment_status":"succeeded",
                 "transaction_id":"%s","when_completed":"%s","last_payment_error":null}"""
                .formatted(cos, amount, transaction, Instant.now()))));
    }

    private static String completedEvent(String cos, String amount, String transaction) {
        return """
                {"id":"AE_sn_%s","type":"checkout.session.completed","data":{"id":"%s","amount":"%s","currency":"XOF",\
                "checkout_status":"complete","payment_status":"succeeded","transaction_id":"%s"}}"""
                .formatted(UUID.randomUUID(), cos, amount, transaction);
    }

    private static String sign(String secret, String body) throws Exception {
        String t = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(t.getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
