package io.wabiz.reminders.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.wabiz.reminders.MongoCollections;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.Test;

/**
 * ShedLock's MongoDB provider (7.9.0, on core 7.10.1) against mongo-java-server, as the tests and the local stack
 * run it: one holder at a time, released on unlock, free again after {@code lockAtMostFor} when its holder died,
 * and extended by a run that goes on.
 */
class ShedLockOnEmbeddedMongoTest {

    private final MongoDatabase db = MongoCollections.freshDatabase();
    private final MongoLockProvider replicaA = new MongoLockProvider(db);
    private final MongoLockProvider replicaB = new MongoLockProvider(db);

    private static LockConfiguration lock(Duration atMost) {
        return new LockConfiguration(ClockProvider.now(), "reminder-runs", atMost, Duration.ZERO);
    }

    @Test
    void oneHolderAtATimeAndFreeAgainOnUnlock() {
        SimpleLock held = replicaA.lock(lock(Duration.ofMinutes(1))).orElseThrow();

        assertThat(replicaB.lock(lock(Duration.ofMinutes(1)))).isEmpty();

        held.unlock();
        assertThat(replicaB.lock(lock(Duration.ofMinutes(1)))).isPresent();
    }

    @Test
    void aDeadHoldersLockExpiresAfterLockAtMostFor() {
        assertThat(replicaA.lock(lock(Duration.ofMillis(800)))).isPresent(); // never unlocked: its replica died

        assertThat(replicaB.lock(lock(Duration.ofMillis(800)))).isEmpty();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> replicaB.lock(lock(Duration.ofMinutes(1))).isPresent());
    }

    @Test
    void aRunningHolderKeepsTheLockByExtendingIt() {
        SimpleLock held = replicaA.lock(lock(Duration.ofMillis(800))).orElseThrow();

        Optional<SimpleLock> extended = held.extend(Duration.ofMinutes(1), Duration.ZERO);
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> true);

        assertThat(extended).isPresent();
        assertThat(replicaB.lock(lock(Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void theExecutorRunsTheTaskOnlyOnTheReplicaThatGotTheLock() throws Throwable {
        AtomicInteger runs = new AtomicInteger();
        SimpleLock held = replicaA.lock(lock(Duration.ofMinutes(1))).orElseThrow();

        var skipped = new DefaultLockingTaskExecutor(replicaB).executeWithLock(runs::incrementAndGet,
                lock(Duration.ofMinutes(1)));
        held.unlock();
        var ran = new DefaultLockingTaskExecutor(replicaB).executeWithLock(runs::incrementAndGet,
                lock(Duration.ofMinutes(1)));

        assertThat(skipped.wasExecuted()).isFalse();
        assertThat(ran.wasExecuted()).isTrue();
        assertThat(runs).hasValue(1);
    }
}
