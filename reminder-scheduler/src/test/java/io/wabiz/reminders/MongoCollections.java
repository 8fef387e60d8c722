package io.wabiz.reminders;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.wabiz.testsupport.SharedMongoServer;
import java.util.UUID;

/** A fresh database on the JVM's embedded MongoDB server, for tests of one store without Spring. */
public final class MongoCollections {

    private static MongoClient client;

    private MongoCollections() {
    }

    public static synchronized MongoDatabase freshDatabase() {
        if (client == null) {
            client = MongoClients.create(SharedMongoServer.connectionString("admin"));
        }
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }
}
