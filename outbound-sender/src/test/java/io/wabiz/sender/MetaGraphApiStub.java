package io.wabiz.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Meta's Graph API as WireMock plays it, one server for the test JVM. */
public final class MetaGraphApiStub {

    private static final WireMockServer SERVER = start();

    private MetaGraphApiStub() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(300)
                .jettyAcceptors(2));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    /** Every number answers a send with Meta's documented success (lowest priority: tests override it). */
    public static void acceptEverySend() {
        SERVER.stubFor(post(urlPathMatching("/v23\\.0/\\d+/messages")).atPriority(10)
                .willReturn(okJson(resource("meta/message.json"))));
    }

    /** A stub that only applies to the send carrying this idempotency key. */
    public static MappingBuilder sendWithKey(String idempotencyKey) {
        return post(urlPathMatching("/v23\\.0/\\d+/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(idempotencyKey)));
    }

    public static List<LoggedRequest> sendsWithKey(String idempotencyKey) {
        return SERVER.findAll(postRequestedFor(urlPathMatching("/v23\\.0/\\d+/messages"))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(idempotencyKey))));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder metaError(int status, int code,
                                                                                              String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error": {"message": "%s", "type": "OAuthException", "code": %d,
                 "error_data": {"messaging_product": "whatsapp", "details": "%s"},
                 "fbtrace_id": "AbCdEf123"}}""".formatted(message, code, message));
    }

    public static String resource(String path) {
        try (InputStream in = MetaGraphApiStub.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
