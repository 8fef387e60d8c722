package io.wabiz.bench.sender;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Meta failing one call in five: throttled, pair rate limit, server error or connection reset, 5% each. */
public final class FlakyMeta implements ResponseDefinitionTransformerV2 {

    static final String NAME = "flaky-meta";

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 5) {
            return error(429, 130429, "Rate limit hit");
        }
        if (dice < 10) {
            return error(400, 131056, "(Business Account, Consumer Account) pair rate limit hit");
        }
        if (dice < 15) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(500).withBody("upstream failed").build();
        }
        if (dice < 20) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"wamid.BENCH" + UUID.randomUUID() + "\"}]}").build();
    }

    private static ResponseDefinition error(int status, int code, String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"fbtrace_id\":\"bench\"}}").build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
