package io.wabiz.odoo.rpc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.wabiz.odoo.ConnectorProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * WireMock answering as the recorded Odoo 17.0 server did: each stub matches a recorded request by its service,
 * method, model and model method, and answers the recorded response ({@code fixtures/odoo-17/}, shipped in the
 * stand-in's jar).
 */
public final class RecordedOdoo {

    private RecordedOdoo() {
    }

    public static JsonNode fixture(String name) {
        try (InputStream in = RecordedOdoo.class.getResourceAsStream("/fixtures/odoo-17/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded exchange " + name);
            }
            return OdooClient.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the recorded response to calls like the recorded request (same service, method, model, model method). */
    public static void replay(WireMockServer wireMock, String name) {
        JsonNode exchange = fixture(name);
        JsonNode params = exchange.get("request").get("params");
        MappingBuilder stub = post(urlEqualTo("/jsonrpc"))
                .withRequestBody(matchingJsonPath("$.params.service", equalTo(params.get("service").stringValue())))
                .withRequestBody(matchingJsonPath("$.params.method", equalTo(params.get("method").stringValue())));
        JsonNode args = params.get("args");
        if ("execute_kw".equals(params.get("method").stringValue())) {
            stub.withRequestBody(matchingJsonPath("$.params.args[3]", equalTo(args.get(3).stringValue())))
                    .withRequestBody(matchingJsonPath("$.params.args[4]", equalTo(args.get(4).stringValue())));
        }
        if ("authenticate".equals(params.get("method").stringValue())) {
            stub.withRequestBody(matchingJsonPath("$.params.args[2]", equalTo(args.get(2).stringValue())));
        }
        wireMock.stubFor(stub.willReturn(aResponse().withStatus(exchange.get("http_status").intValue())
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(exchange.get("response").toString().getBytes(StandardCharsets.UTF_8))));
    }

    public static ConnectorProperties.Connection connection(WireMockServer wireMock, String key, Duration timeout) {
        return new ConnectorProperties.Connection(URI.create(wireMock.baseUrl()), "wabiz", "api-user", key,
                Duration.ofSeconds(2), timeout);
    }
}
