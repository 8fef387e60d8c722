package io.wabiz.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wabiz.simulator.chat.ChatStore;
import io.wabiz.simulator.chat.StatusFlow;
import io.wabiz.simulator.graph.GraphRequestLog;
import io.wabiz.simulator.graph.SlidingWindowRateLimiter;
import io.wabiz.simulator.media.MediaStore;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's state as a whole: reset for tests, and (with a data folder) written to
 * {@code simulator-state.json} whenever it changed, read back at start so a restart keeps the chats.
 */
public final class SimulatorState {

    private static final Logger log = LoggerFactory.getLogger(SimulatorState.class);

    private final ChatStore chats;
    private final MediaStore media;
    private final GraphRequestLog requests;
    private final WebhookDispatcher webhooks;
    private final SlidingWindowRateLimiter rateLimiter;
    private final StatusFlow statuses;
    private final List<SimulatorProperties.Customer> configuredCustomers;
    private final Clock clock;
    private final JsonMapper json;
    private final Path stateFile;
    private long writtenVersion = -1;

    /** @param stateFile where chats are kept across restarts, or null for memory only */
    public SimulatorState(ChatStore chats, MediaStore media, GraphRequestLog requests, WebhookDispatcher webhooks,
                          SlidingWindowRateLimiter rateLimiter, StatusFlow statuses,
                          List<SimulatorProperties.Customer> configuredCustomers, Clock clock, JsonMapper json,
                          Path stateFile) {
        this.chats = chats;
        this.media = media;
        this.requests = requests;
        this.webhooks = webhooks;
        this.rateLimiter = rateLimiter;
        this.statuses = statuses;
        this.configuredCustomers = configuredCustomers;
        this.clock = clock;
        this.json = json;
        this.stateFile = stateFile;
    }

    /** Reads the kept state back, then adds the configured customers that are missing. */
    public void start() {
        if (stateFile != null && Files.exists(stateFile)) {
            try {
                chats.restore(json.readValue(stateFile.toFile(), ChatStore.Snapshot.class));
                log.info("Simulator state read from {} ({} customers)", stateFile, chats.customers().size());
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot read the simulator state " + stateFile
                        + " (move it away to start afresh)", e);
            }
        }
        addConfiguredCustomers();
    }

    public synchronized void reset() {
        chats.clear();
        media.clear();
        requests.clear();
        webhooks.forget();
        rateLimiter.reset();
        statuses.forgetConversations();
        addConfiguredCustomers();
    }

    public long version() {
        return chats.version();
    }

    /** Writes the state when it changed since the last write (atomically: a crash leaves the old file). */
    public synchronized void flush() {
        if (stateFile == null || chats.version() == writtenVersion) {
            return;
        }
        long version = chats.version();
        try {
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            json.writeValue(temporary.toFile(), chats.snapshot());
            Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writtenVersion = version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator state " + stateFile, e);
        }
    }

    private void addConfiguredCustomers() {
        configuredCustomers.forEach(c -> chats.ensureCustomer(c.waId(), c.name(), clock.instant()));
    }
}
