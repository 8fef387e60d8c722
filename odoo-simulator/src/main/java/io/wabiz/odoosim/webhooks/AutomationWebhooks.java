package io.wabiz.odoosim.webhooks;

import io.wabiz.odoosim.jsonrpc.PythonJson;
import io.wabiz.odoosim.orm.Domain;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.ReadMode;
import io.wabiz.odoosim.orm.Transaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Send Webhook Notification" server actions as Odoo 17 and 18 run them (O17/O18
 * {@code odoo/addons/base/models/ir_actions.py _run_action_webhook}): a POST of
 * {@code json.dumps({"_action", "_id", "_model"} + record.read(fields, load=None)[0], sort_keys=True, default=str)}
 * with {@code Content-Type: application/json}, no signature, a 1 s timeout, no retry (failures are only logged),
 * made <em>before</em> the change is committed, so that a receiver reading back at once sees the old values.
 * The recorded Odoo 17 server posted each change three times ({@code posts-per-change}). With
 * {@code after-commit} the posts wait for the commit, as Odoo 19 does (odoo/odoo#216018).
 */
public final class AutomationWebhooks {

    private static final Logger log = LoggerFactory.getLogger(AutomationWebhooks.class);

    /** One POST, for {@code GET /simulator/webhooks}. */
    public record Delivery(long id, Instant at, long actionId, String model, long recordId, int attempt, String url,
                           Integer httpStatus, String error, long millis, String body) {
    }

    private record Post(AutomationRule rule, long recordId, String body) {
    }

    private final List<AutomationRule> rules = new CopyOnWriteArrayList<>();
    private final HttpClient http;
    private final Clock clock;
    private final int postsPerChange;
    private final Duration timeout;
    private final boolean afterCommit;
    private final int logSize;
    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private final AtomicLong deliveryIds = new AtomicLong();

    public AutomationWebhooks(List<AutomationRule> rules, int postsPerChange, Duration timeout, boolean afterCommit,
                              int logSize, Clock clock) {
        this.rules.addAll(rules);
        this.postsPerChange = Math.max(1, postsPerChange);
        this.timeout = timeout;
        this.afterCommit = afterCommit;
        this.logSize = logSize;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    public List<AutomationRule> rules() {
        return List.copyOf(rules);
    }

    public void replaceRules(List<AutomationRule> replacement) {
        rules.clear();
        rules.addAll(replacement);
    }

    /** Runs between a transaction's work and its commit. */
    public void beforeCommit(Transaction tx) {
        if (rules.isEmpty()) {
            return;
        }
        List<Post> posts = new ArrayList<>();
        for (AutomationRule rule : rules) {
            if (!tx.database().registry().has(rule.model())) {
                continue;
            }
            Model model = tx.model(rule.model());
            Domain domain = rule.domain().isEmpty() ? null : Domain.parse(model, rule.domain());
            Set<Long> created = tx.created().getOrDefault(rule.model(), Set.of());
            Map<Long, Set<String>> written = tx.written().getOrDefault(rule.model(), Map.of());
            List<Long> fired = new ArrayList<>();
            for (Long id : created) {
                if (tx.exists(rule.model(), id)) {
                    fired.add(id);
                }
            }
            written.forEach((id, fields) -> {
                if (!tx.exists(rule.model(), id)) {
                    return;
                }
                if (rule.triggerFields().isEmpty() || rule.triggerFields().stream().anyMatch(fields::contains)) {
                    fired.add(id);
                }
            });
            for (Long id : fired) {
                if (domain != null && !domain.matches(tx, id)) {
                    continue;
                }
                posts.add(new Post(rule, id, body(tx, model, rule, id)));
            }
        }
        if (posts.isEmpty()) {
            return;
        }
        if (afterCommit) {
            tx.afterCommit(() -> Thread.ofVirtual().start(() -> send(posts)));
        } else {
            send(posts);
        }
    }

    private static String body(Transaction tx, Model model, AutomationRule rule, long id) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("_model", rule.model());
        values.put("_id", id);
        values.put("_action", rule.name() + "(#" + rule.actionId() + ")");
        if (!rule.fields().isEmpty()) {
            values.putAll(Orm.read(tx, model, List.of(id), rule.fields(), ReadMode.WEBHOOK).getFirst());
        }
        return PythonJson.writeSorted(values);
    }

    private void send(List<Post> posts) {
        for (Post post : posts) {
            for (int attempt = 1; attempt <= postsPerChange; attempt++) {
                post(post, attempt);
            }
        }
    }

    private void post(Post post, int attempt) {
        long start = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(post.rule().url())).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "python-requests/2.28.1")
                    .header("Accept", "*/*").POST(HttpRequest.BodyPublishers.ofString(post.body(),
                            StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 400) {
                log.warn("Webhook {} answered {} (Odoo only logs it)", post.rule().url(), status);
            }
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.warn("Webhook {} failed: {} (Odoo only logs it)", post.rule().url(), error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        synchronized (deliveries) {
            deliveries.addFirst(new Delivery(deliveryIds.incrementAndGet(), clock.instant(), post.rule().actionId(),
                    post.rule().model(), post.recordId(), attempt, post.rule().url(), status, error, millis,
                    post.body()));
            while (deliveries.size() > logSize) {
                deliveries.removeLast();
            }
        }
    }

    public List<Delivery> recent(int limit) {
        synchronized (deliveries) {
            return deliveries.stream().limit(Math.max(0, limit)).toList();
        }
    }

    public void clearLog() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }
}
