package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.wabiz.sender.MetaGraphApiStub.metaError;
import static io.wabiz.sender.MetaGraphApiStub.okJson;
import static io.wabiz.sender.MetaGraphApiStub.resource;
import static io.wabiz.sender.MetaGraphApiStub.sendsWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wabiz.events.EventJson;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.MediaUpload;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.testsupport.TopicWatcher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Documents that travel as files: uploaded to Meta's media endpoint first, then sent by the media id it gave. */
class MediaUploadTest extends SenderIntegrationTest {

    private static final String MEDIA = "/v23.0/" + NUMBER + "/media";
    private static final byte[] PDF = "%PDF-1.4 facture INV/2026/00412 %%EOF".getBytes(StandardCharsets.US_ASCII);

    @Test
    void documentWithItsBytesIsUploadedThenSentByMediaIdOnly() {
        MetaGraphApiStub.server().stubFor(post(MEDIA).willReturn(okJson(resource("meta/uploadResponse.json"))));
        String customer = uniqueCustomer();
        customerWrites(NUMBER, customer);
        String key = "invoice-" + UUID.randomUUID();
        OutboundContent.Document document = new OutboundContent.Document(null, null, "INV-2026-00412.pdf",
                "Votre facture", new MediaUpload("application/pdf", PDF, null, sha256(PDF)));

        TopicRecord outcome = sendAndAwaitOutcome(command(NUMBER, customer, document, key));

        assertThat(outcome).isInstanceOfSatisfying(MessageAccepted.class, accepted -> assertThat(accepted.content())
                .isEqualTo(new OutboundContent.Document(null, "985569392615996", "INV-2026-00412.pdf", "Votre facture")));
        List<LoggedRequest> uploads = MetaGraphApiStub.server().findAll(postRequestedFor(urlEqualTo(MEDIA))
                .withRequestBodyPart(new com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder()
                        .withName("file").withBody(com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo(PDF))
                        .build()));
        assertThat(uploads).hasSize(1);
        assertThat(uploads.getFirst().getBodyAsString()).contains("name=\"messaging_product\"", "whatsapp",
                "filename=\"INV-2026-00412.pdf\"", "application/pdf");
        JsonNode sent = EventJson.mapper().readTree(sendsWithKey(key).getFirst().getBodyAsString());
        assertThat(sent.path("document").path("id").asString()).isEqualTo("985569392615996");
        assertThat(sent.path("document").has("link")).isFalse();
        assertThat(sent.path("document").path("filename").asString()).isEqualTo("INV-2026-00412.pdf");
        assertThat(sendsWithKey(key)).hasSize(1);
    }

    @Test
    void documentNamedByAnInternalLinkIsFetchedThenUploaded() {
        MetaGraphApiStub.server().stubFor(get("/internal/documents/abc").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(PDF)));
        MetaGraphApiStub.server().stubFor(post(MEDIA).willReturn(okJson("{\"id\":\"4242\"}")));
        String customer = uniqueCustomer();
        customerWrites(NUMBER, customer);
        String key = "invoice-" + UUID.randomUUID();
        OutboundContent.Document document = new OutboundContent.Document(null, null, "INV.pdf", null,
                new MediaUpload("application/pdf", null, MetaGraphApiStub.baseUrl() + "/internal/documents/abc",
                        sha256(PDF)));

        assertThat(sendAndAwaitOutcome(command(NUMBER, customer, document, key))).isInstanceOf(MessageAccepted.class);
        JsonNode sent = EventJson.mapper().readTree(sendsWithKey(key).getFirst().getBodyAsString());
        assertThat(sent.path("document").path("id").asString()).isEqualTo("4242");
    }

    @Test
    void refusedUploadSendsNothingAndSaysWhy() {
        var refusing = MetaGraphApiStub.server().stubFor(post(MEDIA).atPriority(1)
                .willReturn(metaError(400, 131053, "Media upload error")));
        String customer = uniqueCustomer();
        customerWrites(NUMBER, customer);
        String key = "invoice-" + UUID.randomUUID();
        OutboundContent.Document document = new OutboundContent.Document(null, null, "INV.pdf", null,
                new MediaUpload("application/pdf", PDF, null, null));
        try {
            TopicRecord outcome = sendAndAwaitOutcome(command(NUMBER, customer, document, key));

            assertThat(outcome).isInstanceOfSatisfying(MessageRejected.class,
                    rejected -> assertThat(rejected.errorCode()).isEqualTo(131053));
            assertThat(sendsWithKey(key)).isEmpty();
        } finally {
            MetaGraphApiStub.server().removeStub(refusing);
        }
    }

    @Test
    void fileWhoseBytesDoNotMatchTheirDigestIsNotSent() {
        String customer = uniqueCustomer();
        customerWrites(NUMBER, customer);
        String key = "invoice-" + UUID.randomUUID();
        OutboundContent.Document document = new OutboundContent.Document(null, null, "INV.pdf", null,
                new MediaUpload("application/pdf", PDF, null, sha256("another file".getBytes())));

        assertThat(sendAndAwaitOutcome(command(NUMBER, customer, document, key)))
                .isInstanceOfSatisfying(MessageRejected.class,
                        rejected -> assertThat(rejected.reason()).contains("sha256"));
        assertThat(sendsWithKey(key)).isEmpty();
    }

    private TopicRecord sendAndAwaitOutcome(SendMessage command) {
        try (TopicWatcher outcomes = kafka.watch(Topics.OUTBOUND_EVENTS)) {
            kafka.publish(command);
            return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.events().stream()
                    .filter(e -> (e instanceof MessageAccepted a && a.idempotencyKey().equals(command.idempotencyKey()))
                            || (e instanceof MessageRejected r && r.idempotencyKey().equals(command.idempotencyKey())))
                    .findFirst(), Optional::isPresent).orElseThrow();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
