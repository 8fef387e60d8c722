package io.wabiz.platform.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB is up when it answers {@code ping} on the admin database. Boot's own indicator sends {@code hello},
 * which the embedded wire-protocol server of the local stack and the tests (mongo-java-server) does not know, so
 * {@code /actuator/health} said DOWN there with a stack trace on every probe; {@code ping} is answered by every
 * MongoDB server and by the embedded one.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    public MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up();
        } else {
            builder.down().withDetail("answer", answer.toJson());
        }
    }
}
