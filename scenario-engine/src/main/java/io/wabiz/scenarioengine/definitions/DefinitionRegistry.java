package io.wabiz.scenarioengine.definitions;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions in force, in memory: taps read them without touching MongoDB. Reloaded after every change made
 * here, and when another replica's change moved the store's revision (checked by {@link #refreshIfChanged}).
 */
public class DefinitionRegistry implements Supplier<Definitions> {

    private static final Logger log = LoggerFactory.getLogger(DefinitionRegistry.class);

    private final DefinitionStore store;
    private final AtomicReference<Definitions> current = new AtomicReference<>(Definitions.empty());
    private final AtomicLong loadedRevision = new AtomicLong(-1);

    public DefinitionRegistry(DefinitionStore store) {
        this.store = store;
    }

    @Override
    public Definitions get() {
        return current.get();
    }

    public synchronized void reload() {
        long revision = store.revision();
        current.set(store.current());
        loadedRevision.set(revision);
    }

    public void refreshIfChanged() {
        try {
            if (store.revision() != loadedRevision.get()) {
                reload();
                log.info("Definitions reloaded at revision {}", loadedRevision.get());
            }
        } catch (RuntimeException e) {
            log.warn("Definitions not refreshed: {}", e.toString());
        }
    }
}
