package io.wabiz.ingress.health;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the broker answers a cluster description within a short timeout. It belongs to the readiness
 * group: an ingress that cannot store anything should not be sent traffic (it would only answer 503),
 * but it is still alive, so liveness does not include it.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final Duration timeout;

    public KafkaHealthIndicator(Admin admin, Duration timeout) {
        super("Kafka is not reachable");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        long wait = timeout.toMillis() + 500;
        String clusterId = cluster.clusterId().get(wait, TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(wait, TimeUnit.MILLISECONDS);
        if (nodes.isEmpty()) {
            builder.down().withDetail("clusterId", clusterId).withDetail("brokers", 0);
        } else {
            builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
        }
    }
}
