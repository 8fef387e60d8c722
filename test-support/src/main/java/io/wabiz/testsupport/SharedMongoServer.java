package io.wabiz.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One embedded MongoDB wire-protocol server (in memory) for the whole test JVM. */
public final class SharedMongoServer {

    private static volatile MongoServer server;
    private static volatile String address;

    private SharedMongoServer() {
    }

    /** A connection string to {@code database} on the shared server. */
    public static String connectionString(String database) {
        start();
        return "mongodb://" + address + "/" + database;
    }

    private static synchronized void start() {
        if (server == null) {
            MongoServer started = new MongoServer(new MemoryBackend());
            started.bind("127.0.0.1", 0);
            InetSocketAddress bound = started.getLocalAddress();
            address = bound.getHostString() + ":" + bound.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdownNow, "shared-mongo-stop"));
            server = started;
        }
    }
}
