package io.wabiz.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.simulator.SimulatorHttpTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class GraphFaultsTest extends SimulatorHttpTest {

    @Test
    void throttlingAnswers429WithMetasCodeAndSendsNothingUntilItIsCleared() {
        customerWrites("221770000301", "Bonjour");
        setFault("{\"kind\":\"THROTTLE\"}");

        Answer refused = send(text("221770000301", "pendant la limite"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo(130429);
        assertThat(chatSize("221770000301")).isEqualTo(1);

        http.delete().uri("/simulator/faults").retrieve().toBodilessEntity();
        assertThat(send(text("221770000301", "après")).status()).isEqualTo(200);
        assertThat(chatSize("221770000301")).isEqualTo(2);
    }

    @Test
    void aServerErrorHitsOnlyAsManySendsAsItWasGiven() {
        customerWrites("221770000302", "Bonjour");
        setFault("{\"kind\":\"SERVER_ERROR\",\"remaining\":2}");

        assertThat(send(text("221770000302", "un")).status()).isEqualTo(500);
        Answer second = send(text("221770000302", "deux"));
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.errorCode()).isEqualTo(2);
        assertThat(send(text("221770000302", "trois")).status()).isEqualTo(200);
        assertThat(simulatorGet("/simulator/faults").json().path("hits").asInt()).isEqualTo(2);
        assertThat(chatSize("221770000302")).isEqualTo(2);
    }

    @Test
    void aStalledSendIsAcceptedAtOnceAndAnsweredOnlyAfterTheDelay() {
        customerWrites("221770000303", "Bonjour");
        setFault("{\"kind\":\"STALL\",\"delay\":\"PT1.5S\",\"remaining\":1}");

        long started = System.nanoTime();
        Answer answer = send(text("221770000303", "en suspens"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(answer.status()).isEqualTo(200);
        String wamid = answer.json().path("messages").path(0).path("id").asString();
        assertThat(simulatorGet("/simulator/customers/221770000303/chat").json().path("messages").path(1)
                .path("wamid").asString()).isEqualTo(wamid);
    }

    private void setFault(String json) {
        assertThat(http.put().uri("/simulator/faults").contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    private int chatSize(String waId) {
        return simulatorGet("/simulator/customers/" + waId + "/chat").json().path("messages").size();
    }
}
