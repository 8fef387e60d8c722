package io.wabiz.localstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.wabiz.localstack.process.ParentWatch;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB process: mongo-java-server with its H2 (MVStore) file backend, so data survives a restart.
 * Stopping it with SIGTERM closes the store cleanly.
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoServerMain <data-file> <port>");
            System.exit(2);
        }
        ParentWatch.exitWhenParentDies();
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        int port = Integer.parseInt(args[1]);
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping MongoDB server, closing " + file);
            server.shutdown();
        }, "mongo-stop"));
        server.bind("localhost", port);
        System.out.println("MongoDB wire-protocol server listening on localhost:" + port + ", data in " + file);
    }
}
