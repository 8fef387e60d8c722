package io.wabiz.notifier;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Wave's Checkout API as WireMock plays it, one server for the test JVM. */
public final class WaveStub {

    private static final WireMockServer SERVER = start();

    private WaveStub() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wave-stub-stop"));
        return server;
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }
}
