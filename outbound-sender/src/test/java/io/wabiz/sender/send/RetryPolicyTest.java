package io.wabiz.sender.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.events.EventJson;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.graph.GraphResult;
import io.wabiz.sender.graph.MetaErrors.Verdict;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which results the one retry policy calls again, and which it never does. */
class RetryPolicyTest {

    private static final GraphResult OK = new GraphResult.Ok(200, EventJson.mapper().createObjectNode());
    private static final GraphResult REFUSED = new GraphResult.NotSent("ConnectException: Connection refused");
    private static final GraphResult TIMED_OUT = new GraphResult.NoAnswer("timeout: Read timed out");

    private final RetryPolicy policy = new RetryPolicy(new SenderProperties.Retry(4, Duration.ofMillis(1),
            Duration.ofMillis(5), 0.5, Duration.ofMillis(1), 3, 50, Duration.ofSeconds(30)));

    @Test
    void aCallThatNeverReachedMetaIsMadeAgainUntilItPasses() throws Exception {
        Calls calls = new Calls(REFUSED, REFUSED, OK);
        List<Verdict> retried = new ArrayList<>();

        assertThat(policy.call(calls, (verdict, result, backoff) -> retried.add(verdict))).isEqualTo(OK);
        assertThat(calls.made()).isEqualTo(3);
        assertThat(retried).containsExactly(Verdict.TRANSIENT, Verdict.TRANSIENT);
    }

    @Test
    void aCallThatMayHaveReachedMetaIsNeverMadeAgain() throws Exception {
        Calls calls = new Calls(TIMED_OUT, OK);

        assertThat(policy.call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(TIMED_OUT);
        assertThat(calls.made()).isEqualTo(1);
        assertThat(RetryPolicy.verdict(TIMED_OUT)).isEqualTo(Verdict.OUTCOME_UNKNOWN);
    }

    @Test
    void aFailureBudgetOfMaxAttemptsCallsAndASeparateOneForThePairRateLimit() throws Exception {
        GraphResult pairRate = failed(400, 131056);
        GraphResult throttled = failed(429, 130429);
        Calls calls = new Calls(pairRate, throttled, pairRate, throttled, throttled, throttled, OK);

        assertThat(policy.call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(throttled);
        assertThat(calls.made()).as("4 failures end it; the 2 pair-rate hits were not counted against them")
                .isEqualTo(6);
        assertThat(new Calls(pairRate, pairRate, pairRate, OK).run()).isEqualTo(3);
    }

    @Test
    void aPermanentRefusalIsNotRetried() throws Exception {
        Calls calls = new Calls(failed(400, 131047), OK);

        assertThat(policy.call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(calls.first());
        assertThat(calls.made()).isEqualTo(1);
    }

    @Test
    void interruptedDuringACallThatMayHaveReachedMetaSaysSoAndBeforeAnyDoesNot() {
        RetryPolicy.Call cutOffByShutdown = () -> {
            Thread.currentThread().interrupt(); // as shutdownNow does while the thread waits for Meta's answer
            return TIMED_OUT;
        };
        assertThatThrownBy(() -> policy.call(cutOffByShutdown, RetryPolicy.RetryListener.NONE))
                .isInstanceOf(RetryPolicy.StoppedAfterReachingMeta.class);
        assertThat(Thread.interrupted()).isTrue();

        RetryPolicy.Call refusedThenStopped = () -> {
            Thread.currentThread().interrupt();
            return REFUSED;
        };
        assertThatThrownBy(() -> policy.call(refusedThenStopped, RetryPolicy.RetryListener.NONE))
                .isInstanceOf(InterruptedException.class)
                .isNotInstanceOf(RetryPolicy.StoppedAfterReachingMeta.class);
        Thread.interrupted();
    }

    private static GraphResult failed(int status, int code) {
        return new GraphResult.Failed(status, new GraphResult.GraphError(code, null, "OAuthException", "error " + code,
                null, "trace"));
    }

    /** Meta's answers, one per call, in order. */
    private final class Calls implements RetryPolicy.Call {
        private final Deque<GraphResult> answers;
        private final GraphResult first;
        private final AtomicInteger made = new AtomicInteger();

        Calls(GraphResult... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
            this.first = answers[0];
        }

        @Override
        public GraphResult attempt() {
            made.incrementAndGet();
            return answers.removeFirst();
        }

        int made() {
            return made.get();
        }

        GraphResult first() {
            return first;
        }

        int run() throws InterruptedException {
            policy.call(this, RetryPolicy.RetryListener.NONE);
            return made();
        }
    }
}
