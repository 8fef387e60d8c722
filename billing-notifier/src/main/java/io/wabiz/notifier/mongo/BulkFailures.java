package io.wabiz.notifier.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.BulkOperationException;

/**
 * Reads an unordered bulk write's failure: which writes were refused because their key was there already (the
 * idempotent inserts of the log and the projections expect that), and what the others did. Spring reports it as a
 * {@code DuplicateKeyException} or a {@code BulkOperationException}, the detail being the driver's
 * {@link MongoBulkWriteException} in either.
 */
public final class BulkFailures {

    private static final int DUPLICATE_KEY = 11000;

    private BulkFailures() {
    }

    /**
     * The positions (in the order the writes were added) of those refused for a duplicate key; empty when the
     * failure carries no per-write detail. A failure with any other error is thrown again.
     */
    public static Optional<Set<Integer>> duplicates(RuntimeException failure) {
        List<BulkWriteError> errors = errorsOf(failure);
        if (errors == null) {
            return Optional.empty();
        }
        Set<Integer> positions = new HashSet<>();
        for (BulkWriteError error : errors) {
            if (error.getCode() != DUPLICATE_KEY) {
                throw failure;
            }
            positions.add(error.getIndex());
        }
        return Optional.of(positions);
    }

    /** What the writes that were not refused did, when the failure says. */
    public static Optional<BulkWriteResult> partialResult(RuntimeException failure) {
        if (failure instanceof BulkOperationException bulk) {
            return Optional.ofNullable(bulk.getResult());
        }
        MongoBulkWriteException driver = driverFailure(failure);
        return driver == null ? Optional.empty() : Optional.ofNullable(driver.getWriteResult());
    }

    private static List<BulkWriteError> errorsOf(RuntimeException failure) {
        if (failure instanceof BulkOperationException bulk) {
            return bulk.getErrors();
        }
        MongoBulkWriteException driver = driverFailure(failure);
        return driver == null ? null : driver.getWriteErrors();
    }

    private static MongoBulkWriteException driverFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof MongoBulkWriteException)) {
            cause = cause.getCause();
        }
        return (MongoBulkWriteException) cause;
    }
}
