package io.wabiz.ops;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's tool (docs/operations.md):
 * <pre>
 *   dead-letters list &lt;topic&gt;
 *   dead-letters replay &lt;topic&gt; (--all | --offset &lt;partition&gt;:&lt;offset&gt; ...) [--dry-run]
 *   raw-webhooks replay --since &lt;instant&gt; [--until &lt;instant&gt;] [--phone-number-id &lt;id&gt;] --ingress &lt;url&gt; [--dry-run]
 * </pre>
 * Kafka from {@code KAFKA_BOOTSTRAP_SERVERS} (and {@code KAFKA_CLIENT_PROPERTIES}); the app secret from
 * {@code INGRESS_APP_SECRET}. Exit code 0 when done, 1 when it failed, 2 for a wrong command line.
 */
public final class OpsTool {

    private OpsTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            List<String> words = new ArrayList<>(List.of(args));
            if (words.size() < 2) {
                throw new UsageException(usage());
            }
            String noun = words.remove(0);
            String verb = words.remove(0);
            Options options = Options.parse(words);
            KafkaAccess kafka = KafkaAccess.fromEnvironment(env);
            switch (noun + " " + verb) {
                case "dead-letters list" -> new DeadLetterCommands(kafka, out).list(options.topic());
                case "dead-letters replay" -> new DeadLetterCommands(kafka, out)
                        .replay(options.topic(), options.offsets, options.all, options.dryRun);
                case "raw-webhooks replay" -> new RawWebhookReplay(kafka, out).replay(options.since, options.until,
                        options.phoneNumberId, options.ingress(), env.get("INGRESS_APP_SECRET"), options.dryRun);
                default -> throw new UsageException(usage());
            }
            return 0;
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException | java.io.IOException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                usage:
                  dead-letters list <topic>
                  dead-letters replay <topic> (--all | --offset <partition>:<offset> ...) [--dry-run]
                  raw-webhooks replay --since <instant> [--until <instant>] [--phone-number-id <id>] --ingress <url> [--dry-run]
                environment: KAFKA_BOOTSTRAP_SERVERS, KAFKA_CLIENT_PROPERTIES (optional), INGRESS_APP_SECRET (raw replays)""";
    }

    private static final class Options {
        private final List<String> positional = new ArrayList<>();
        private final Set<String> offsets = new LinkedHashSet<>();
        private boolean all;
        private boolean dryRun;
        private Instant since;
        private Instant until;
        private String phoneNumberId;
        private String ingress;

        static Options parse(List<String> words) {
            Options o = new Options();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "--all" -> o.all = true;
                    case "--dry-run" -> o.dryRun = true;
                    case "--offset" -> {
                        String value = value(words, ++i, word);
                        if (!value.matches("\\d+:\\d+")) {
                            throw new UsageException("--offset takes <partition>:<offset>, such as 0:42: " + value);
                        }
                        o.offsets.add(value);
                    }
                    case "--since" -> o.since = instant(value(words, ++i, word), word);
                    case "--until" -> o.until = instant(value(words, ++i, word), word);
                    case "--phone-number-id" -> o.phoneNumberId = value(words, ++i, word);
                    case "--ingress" -> o.ingress = value(words, ++i, word);
                    default -> {
                        if (word.startsWith("--")) {
                            throw new UsageException("unknown option " + word + "\n" + usage());
                        }
                        o.positional.add(word);
                    }
                }
            }
            return o;
        }

        String topic() {
            if (positional.size() != 1) {
                throw new UsageException("name one topic, such as whatsapp.inbound.messages (or its -dlt)");
            }
            return positional.getFirst();
        }

        URI ingress() {
            if (dryRun && ingress == null) {
                return null;
            }
            if (ingress == null) {
                throw new UsageException("--ingress <url> is required, such as https://webhooks.example.com/webhook");
            }
            return URI.create(ingress);
        }

        private static String value(List<String> words, int i, String option) {
            if (i >= words.size()) {
                throw new UsageException(option + " needs a value");
            }
            return words.get(i);
        }

        private static Instant instant(String text, String option) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new UsageException(option + " takes an ISO-8601 instant such as 2026-12-01T08:00:00Z: " + text);
            }
        }
    }
}
