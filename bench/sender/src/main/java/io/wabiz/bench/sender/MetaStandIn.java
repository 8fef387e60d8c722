package io.wabiz.bench.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import java.util.List;

/**
 * Meta's Graph API played by WireMock, in a JVM of its own: the time WireMock logs for each request is
 * what the rate goal is judged by, so it must not share pauses (GC, CPU bursts) with the broker and the
 * store. Started by {@link SenderBenchmark}; read through WireMock's admin API.
 */
public final class MetaStandIn {

    static final String WABA = "400000000000001";
    static final String SLOW_80 = "300000000000080";
    static final String SLOW_1000 = "300000000001000";
    static final List<String> FAST = List.of("300000000000201", "300000000000202", "300000000000203",
            "300000000000204");
    static final String FLAKY = "300000000000300";
    static final String READY = "META-STAND-IN READY";

    private MetaStandIn() {
    }

    public static void main(String[] args) throws InterruptedException {
        WireMockServer meta = new WireMockServer(wireMockConfig().port(Integer.parseInt(args[0]))
                .containerThreads(1500).jettyAcceptors(4).jettyAcceptQueueSize(4000)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(32)
                .notifier(new Slf4jNotifier(false)).extensions(new FlakyMeta()));
        meta.start();
        String message = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                + "\"messages\":[{\"id\":\"wamid.gBGGSFcCNEOPAgkO_KJ55r4w_ww\"}]}";
        for (String slow : List.of(SLOW_80, SLOW_1000)) {
            meta.stubFor(post(urlPathEqualTo("/v23.0/" + slow + "/messages")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(message).withFixedDelay(1000)));
        }
        meta.stubFor(post(urlPathMatching("/v23.0/30000000000020\\d/messages")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(message)));
        meta.stubFor(post(urlPathEqualTo("/v23.0/" + FLAKY + "/messages")).willReturn(aResponse()
                .withTransformers(FlakyMeta.NAME)));
        meta.stubFor(get(urlPathEqualTo("/v23.0/" + WABA + "/message_templates")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"data": [{"name": "bench_hello", "language": "en", "status": "APPROVED",
                          "category": "UTILITY", "id": "1",
                          "components": [{"type": "BODY", "text": "Hello {{1}}, your invoice is ready."}]}]}""")));
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
