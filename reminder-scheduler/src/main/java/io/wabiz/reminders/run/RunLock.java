package io.wabiz.reminders.run;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockExtender;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lock of all reminder runs (ShedLock, MongoDB provider): the scheduled check of every replica and an
 * admin's "run now" take it, so two runs never overlap across replicas. A run extends it before each batch
 * ({@link #heartbeat()}), so a replica that dies mid-run keeps the others out for at most {@code lockAtMostFor}.
 */
public final class RunLock {

    public static final String NAME = "reminder-runs";

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    private final LockingTaskExecutor executor;
    private final Duration lockAtMostFor;
    private final Duration lockAtLeastFor;

    public RunLock(LockingTaskExecutor executor, Duration lockAtMostFor, Duration lockAtLeastFor) {
        this.executor = executor;
        this.lockAtMostFor = lockAtMostFor;
        this.lockAtLeastFor = lockAtLeastFor;
    }

    /** Runs {@code task} under the lock; empty when another run holds it. */
    public <T> Optional<T> tryRun(Function<ReminderRun.Heartbeat, T> task) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(() -> task.apply(heartbeat()),
                    new LockConfiguration(ClockProvider.now(), NAME, lockAtMostFor, lockAtLeastFor));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extends the lock held by the current thread for another {@code lockAtMostFor}. */
    public ReminderRun.Heartbeat heartbeat() {
        return () -> {
            try {
                LockExtender.extendActiveLock(lockAtMostFor, Duration.ZERO);
            } catch (LockExtender.NoActiveLockException e) {
                log.warn("A reminder run is going on without the lock: {}", e.getMessage());
            } catch (LockExtender.LockCanNotBeExtendedException e) {
                // the lock expired (a batch took longer than lockAtMostFor) and another replica may hold it now
                throw new IllegalStateException("lost the reminder-runs lock (a batch took longer than "
                        + lockAtMostFor + "): this replica stops its run, the holder of the lock goes on", e);
            }
        };
    }
}
