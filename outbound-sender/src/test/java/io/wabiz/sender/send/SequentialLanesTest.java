package io.wabiz.sender.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SequentialLanesTest {

    private final SequentialLanes lanes = new SequentialLanes(Executors.newVirtualThreadPerTaskExecutor());

    @Test
    void keepsOrderWithinALaneWhileOtherLanesRun() throws Exception {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> first = lanes.submit("alice", () -> {
            await(firstMayFinish);
            done.add("alice-1");
        });
        CompletableFuture<Void> second = lanes.submit("alice", () -> done.add("alice-2"));
        lanes.submit("bob", () -> done.add("bob-1")).get(5, TimeUnit.SECONDS);

        assertThat(done).containsExactly("bob-1");
        firstMayFinish.countDown();
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
        assertThat(done).containsExactly("bob-1", "alice-1", "alice-2");
    }

    @Test
    void aFailedTaskDoesNotBlockItsLane() throws Exception {
        CompletableFuture<Void> failing = lanes.submit("carol", () -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Void> next = lanes.submit("carol", () -> { });

        next.get(5, TimeUnit.SECONDS);
        assertThat(failing).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
