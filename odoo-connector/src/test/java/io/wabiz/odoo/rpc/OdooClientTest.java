package io.wabiz.odoo.rpc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The JSON-RPC client against the recorded Odoo 17 answers (WireMock), faults and transport failures included. */
class OdooClientTest {

    private static final WireMockServer ODOO = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void start() {
        ODOO.start();
    }

    @AfterAll
    static void stop() {
        ODOO.stop();
    }

    @BeforeEach
    void reset() {
        ODOO.resetAll();
    }

    private static OdooClient client(String key) {
        return new OdooClient(RecordedOdoo.connection(ODOO, key, Duration.ofSeconds(15)));
    }

    @Test
    void readsTheVersionAndLogsInWithTheKey() {
        RecordedOdoo.replay(ODOO, "common.version");
        RecordedOdoo.replay(ODOO, "common.authenticate");

        OdooVersion version = client("<API-KEY>").version();

        assertThat(version.major()).isEqualTo(17);
        assertThat(version.enterprise()).isFalse();
        assertThat(client("<API-KEY>").authenticate()).contains(2L);
    }

    @Test
    void readsOdooOnlinesSaasVersions() {
        JsonNode saas = OdooClient.json().readTree("{\"server_version\": \"saas~17.2+e\", \"server_version_info\": "
                + "[\"saas~17\", 2, 0, \"final\", 0, \"e\"], \"server_serie\": \"saas~17.2\", \"protocol_version\": 1}");
        OdooVersion version = OdooVersion.parse(saas);
        assertThat(version.major()).isEqualTo(17);
        assertThat(version.minor()).isEqualTo(2);
        assertThat(version.saas()).isTrue();
        assertThat(version.enterprise()).isTrue();
    }

    @Test
    void aRefusedLoginIsFalseNotAnErrorAndAWrongKeyOnACallIsAccessDenied() {
        RecordedOdoo.replay(ODOO, "common.authenticate-wrong-password");
        RecordedOdoo.replay(ODOO, "common.authenticate");
        RecordedOdoo.replay(ODOO, "execute_kw-wrong-password");

        assertThat(client("wrong").authenticate()).isEmpty();
        // logged in, then the key was revoked: every execute_kw checks it again
        assertThatThrownBy(() -> client("<API-KEY>").execute("res.partner", "search_count", List.of(List.of()),
                Map.of()))
                .isInstanceOfSatisfying(OdooFault.class, fault -> {
                    assertThat(fault.kind()).isEqualTo(OdooFault.Kind.AUTHENTICATION);
                    assertThat(fault.getMessage()).contains("Access Denied");
                });
    }

    @Test
    void classifiesOdoosRecordedFaults() {
        RecordedOdoo.replay(ODOO, "common.authenticate");
        RecordedOdoo.replay(ODOO, "sale.order.action_confirm-again");
        RecordedOdoo.replay(ODOO, "sale.order.write-unknown-field");
        RecordedOdoo.replay(ODOO, "sale.order._action_cancel-private");
        RecordedOdoo.replay(ODOO, "ir.model.fields.create-x_whatsapp_validated");
        OdooClient client = client("<API-KEY>");

        assertThat(fault(() -> client.execute("sale.order", "action_confirm", List.of(List.of(23)), Map.of())))
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(OdooFault.Kind.REFUSED);
                    assertThat(f.describe()).isEqualTo("odoo.exceptions.UserError on sale.order.action_confirm: The "
                            + "following orders are not in a state requiring confirmation: S00023");
                });
        assertThat(fault(() -> client.execute("sale.order", "write", List.of(List.of(23), Map.of("x_not_a_field", true)),
                Map.of())).kind()).isEqualTo(OdooFault.Kind.INCOMPATIBLE);
        assertThat(fault(() -> client.execute("sale.order", "_action_cancel", List.of(List.of(24)), Map.of())).kind())
                .isEqualTo(OdooFault.Kind.AUTHORIZATION);
        assertThat(fault(() -> client.execute("ir.model.fields", "create", List.of(Map.of()), Map.of())).kind())
                .isEqualTo(OdooFault.Kind.REFUSED);
    }

    @Test
    void anAnswerWithoutResultIsOdoosNone() {
        RecordedOdoo.replay(ODOO, "common.authenticate");
        ODOO.stubFor(post(urlEqualTo("/jsonrpc")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.params.args[4]",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("action_lock")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"jsonrpc\": \"2.0\", \"id\": 9}")));

        assertThat(client("<API-KEY>").execute("sale.order", "action_lock", List.of(List.of(23)), Map.of()).isNull())
                .isTrue();
    }

    @Test
    void aProxyPageADroppedConnectionAndASlowAnswerMeanOdooIsUnavailable() {
        ODOO.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withStatus(502).withHeader("Content-Type",
                "text/html").withBody("<html><head><title>502 Bad Gateway</title></head></html>")));
        assertThatThrownBy(() -> client("k").version()).isInstanceOf(OdooUnavailable.class)
                .hasMessageContaining("HTTP 502").hasMessageContaining("502 Bad Gateway");

        ODOO.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client("k").version()).isInstanceOf(OdooUnavailable.class)
                .hasMessageContaining("could not be reached");

        ODOO.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withFixedDelay(3000).withBody("{}")));
        OdooClient impatient = new OdooClient(RecordedOdoo.connection(ODOO, "k", Duration.ofMillis(500)));
        assertThatThrownBy(impatient::version).isInstanceOf(OdooUnavailable.class)
                .hasMessageContaining("did not answer common.version").hasMessageContaining("whether it ran is unknown");
    }

    private static OdooFault fault(Runnable call) {
        try {
            call.run();
        } catch (OdooFault fault) {
            return fault;
        }
        throw new AssertionError("no fault");
    }
}
