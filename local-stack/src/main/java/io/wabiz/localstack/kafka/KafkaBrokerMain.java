package io.wabiz.localstack.kafka;

import io.wabiz.localstack.process.ParentWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The broker process: formats the KRaft storage on first start (a new cluster id), then runs
 * {@code kafka.Kafka} with the given server.properties. Later starts reuse the formatted storage, so
 * topics and records survive a restart.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KafkaBrokerMain <server.properties>");
            System.exit(2);
        }
        ParentWatch.exitWhenParentDies();
        Path config = Path.of(args[0]);
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(config)) {
            properties.load(reader);
        }
        Path logDir = Path.of(properties.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = Uuid.randomUuid().toString();
            System.out.println("formatting KRaft storage in " + logDir + " (cluster " + clusterId + ")");
            int exit = kafka.tools.StorageTool.execute(
                    List.of("format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted")
                            .toArray(String[]::new), System.out);
            if (exit != 0) {
                System.err.println("formatting the KRaft storage failed with " + exit);
                System.exit(exit);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }
}
