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
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Which results the one retry policy calls again, and which it never does. */
class RetryPolicyTest {

    private static final GraphResult OK = new GraphResult.Ok(200, EventJson.mapper().createObjectNode());
    private static final GraphResult REFUSED = new GraphResult.NotSent("ConnectException: Connection refused");
    private static final GraphResult TIMED_OUT = new GraphResult.NoAnswer("timeout: Read timed out");

    private static final SenderProperties.Retry RETRY = new SenderProperties.Retry(4, Duration.ofMillis(1),
            Duration.ofMillis(5), 0.5, Duration.ofMillis(1), 3, 50, Duration.ofSeconds(30), Duration.ofMinutes(10));

    private final RetryPolicy policy = new RetryPolicy(RETRY);

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
        GraphResult unavailable = failed(503, 131000);
        Calls calls = new Calls(pairRate, unavailable, pairRate, unavailable, unavailable, unavailable, OK);

        assertThat(policy.call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(unavailable);
        assertThat(calls.made()).as("4 failures end it; the 2 pair-rate hits were not counted against them")
                .isEqualTo(6);
        assertThat(new Calls(pairRate, pairRate, pairRate, OK).run()).isEqualTo(3);
    }

    @Test
    void throttlingIsWaitedOutForItsTimeBudgetNotForMaxAttemptsCalls() throws Exception {
        GraphResult throttled = failed(429, 130429);
        GraphResult wabaLimit = failed(400, 80007);
        MinutesPerCall clock = new MinutesPerCall();
        Calls calls = new Calls(clock, throttled, wabaLimit, throttled, throttled, throttled, throttled, throttled,
                wabaLimit, OK);

        assertThat(new RetryPolicy(RETRY, clock).call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(OK);
        assertThat(calls.made()).as("8 minutes of throttling, inside the 10-minute budget, twice maxAttempts calls")
                .isEqualTo(9);
    }

    @Test
    void aMessageThrottledLongerThanItsBudgetIsGivenUpWithMetasAnswer() throws Exception {
        GraphResult throttled = failed(429, 130429);
        GraphResult[] forever = new GraphResult[30];
        Arrays.fill(forever, throttled);
        MinutesPerCall clock = new MinutesPerCall();
        Calls calls = new Calls(clock, forever);

        assertThat(new RetryPolicy(RETRY, clock).call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(throttled);
        assertThat(calls.made()).as("one call a minute, given up when the next wait would pass 10 minutes")
                .isEqualTo(11);
    }

    @Test
    void aMetaThatCannotBeReachedIsWaitedForUntilTheSameTimeBudgetNotForMaxAttemptsCalls() throws Exception {
        GraphResult circuitOpen = new GraphResult.NotSent("circuit open: recent calls to Meta for this number failed");
        MinutesPerCall clock = new MinutesPerCall();
        Calls calls = new Calls(clock, REFUSED, circuitOpen, circuitOpen, circuitOpen, circuitOpen, REFUSED, OK);

        assertThat(new RetryPolicy(RETRY, clock).call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(OK);
        assertThat(calls.made()).as("nothing reached Meta for 6 minutes; sent when it came back").isEqualTo(7);

        GraphResult[] forever = new GraphResult[30];
        Arrays.fill(forever, REFUSED);
        MinutesPerCall laterClock = new MinutesPerCall();
        Calls refused = new Calls(laterClock, forever);
        assertThat(new RetryPolicy(RETRY, laterClock).call(refused, RetryPolicy.RetryListener.NONE)).isEqualTo(REFUSED);
        assertThat(refused.made()).isEqualTo(11);
    }

    @Test
    void throttlingDoesNotUseUpTheFailureBudget() throws Exception {
        GraphResult throttled = failed(429, 130429);
        GraphResult unavailable = failed(503, 131000);
        Calls calls = new Calls(unavailable, throttled, unavailable, throttled, throttled, unavailable, OK);

        assertThat(policy.call(calls, RetryPolicy.RetryListener.NONE)).isEqualTo(OK);
        assertThat(calls.made()).as("3 failures, under the 4 of maxAttempts; the throttles do not count").isEqualTo(7);
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

    /** A monotonic clock on which every call to Meta takes a minute. */
    private static final class MinutesPerCall implements LongSupplier {
        private long nanos;

        void call() {
            nanos += Duration.ofMinutes(1).toNanos();
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }

    /** Meta's answers, one per call, in order. */
    private final class Calls implements RetryPolicy.Call {
        private final Deque<GraphResult> answers;
        private final GraphResult first;
        private final AtomicInteger made = new AtomicInteger();
        private final MinutesPerCall clock;

        Calls(GraphResult... answers) {
            this(new MinutesPerCall(), answers);
        }

        Calls(MinutesPerCall clock, GraphResult... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
            this.first = answers[0];
            this.clock = clock;
        }

        @Override
        public GraphResult attempt() {
            made.incrementAndGet();
            clock.call();
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
