package io.wabiz.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class ChatPageTest extends SimulatorHttpTest {

    @Test
    void servesTheChatPageWithTheElementsBrowserTestsRelyOn() {
        ResponseEntity<String> page = http.get().uri("/").retrieve().toEntity(String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(page.getBody()).contains("id=\"customer-list\"", "id=\"new-customer-form\"",
                "id=\"new-customer-wa-id\"", "id=\"new-customer-name\"", "id=\"new-customer-submit\"",
                "id=\"chat\"", "id=\"chat-title\"", "id=\"messages\"", "id=\"reply-form\"", "id=\"reply-text\"",
                "id=\"reply-send\"", "id=\"error\"", "src=\"app.js\"");
    }

    @Test
    void servesTheScriptThatRendersRepliableMessages() {
        ResponseEntity<String> script = http.get().uri("/app.js").retrieve().toEntity(String.class);

        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getBody()).contains("dataTestid: 'chat-item'", "dataTestid: 'message'",
                "dataTestid: 'message-status'", "dataTestid: 'reply-button'", "dataTestid: 'list-open'",
                "dataTestid: 'list-row'", "dataTestid: 'cta-link'", "dataTestid: 'document-link'",
                "/button-replies", "/list-replies", "/simulator/version");
    }

    @Test
    void exposesHealthProbesAndPrometheusMetrics() {
        send(text("221770000701", "outside the window"));
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().toEntity(String.class).getBody())
                .contains("UP");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().toEntity(String.class).getBody())
                .contains("http_server_requests")
                .contains("simulator_graph_requests_total{application=\"meta-simulator\",code=\"131047\",outcome=\"rejected\"}");
    }
}
