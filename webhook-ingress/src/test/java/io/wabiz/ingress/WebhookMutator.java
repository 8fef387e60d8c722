package io.wabiz.ingress;

import io.wabiz.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded mutator of webhook bodies: a quarter byte-level damage (flips, cuts, insertions of JSON punctuation),
 * the rest structural changes of the JSON tree (a value replaced by another type, a field removed, an array
 * emptied or grown, a string made huge or odd). The same seed gives the same bodies.
 */
final class WebhookMutator {

    private static final JsonMapper JSON = EventJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PUNCTUATION = "{}[]\",:\\ 0-.eE\u0000\u00e9";

    private final Random random;
    private final List<byte[]> corpus;

    WebhookMutator(long seed, List<byte[]> corpus) {
        this.random = new Random(seed);
        this.corpus = corpus;
    }

    byte[] next() {
        byte[] base = corpus.get(random.nextInt(corpus.size()));
        int rounds = 1 + random.nextInt(2);
        byte[] body = base;
        for (int i = 0; i < rounds; i++) {
            body = random.nextInt(4) == 0 ? mutateBytes(body) : mutateTree(body);
        }
        return body;
    }

    private byte[] mutateBytes(byte[] body) {
        if (body.length == 0) {
            return "{".getBytes(StandardCharsets.UTF_8);
        }
        int at = random.nextInt(body.length);
        return switch (random.nextInt(5)) {
            case 0 -> { // flip one bit
                byte[] copy = body.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                yield copy;
            }
            case 1 -> java.util.Arrays.copyOf(body, at); // truncate
            case 2 -> { // delete a span
                int end = Math.min(body.length, at + 1 + random.nextInt(16));
                byte[] copy = new byte[body.length - (end - at)];
                System.arraycopy(body, 0, copy, 0, at);
                System.arraycopy(body, end, copy, at, body.length - end);
                yield copy;
            }
            case 3 -> { // insert JSON punctuation
                byte[] insert = String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())))
                        .getBytes(StandardCharsets.UTF_8);
                byte[] copy = new byte[body.length + insert.length];
                System.arraycopy(body, 0, copy, 0, at);
                System.arraycopy(insert, 0, copy, at, insert.length);
                System.arraycopy(body, at, copy, at + insert.length, body.length - at);
                yield copy;
            }
            default -> { // random byte
                byte[] copy = body.clone();
                copy[at] = (byte) random.nextInt(256);
                yield copy;
            }
        };
    }

    private byte[] mutateTree(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return mutateBytes(body);
        }
        if (root == null || !root.isContainer()) {
            return mutateBytes(body);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                object.remove(name);
            } else {
                object.set(name, randomValue());
            }
        } else if (target instanceof ArrayNode array) {
            if (!array.isEmpty() && random.nextBoolean()) {
                int index = random.nextInt(array.size());
                if (random.nextBoolean()) {
                    array.remove(index);
                } else {
                    array.add(array.get(index).deepCopy()); // the same item twice
                }
            } else {
                array.add(randomValue());
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * 1e20);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.stringNode("");
            case 5 -> NODES.stringNode("x".repeat(random.nextInt(5_000)));
            case 6 -> NODES.stringNode("\u0000\ud83d\ude00\"\\ '<script>");
            case 7 -> NODES.arrayNode().add(NODES.objectNode()).add(NODES.nullNode());
            case 8 -> NODES.objectNode().put("type", "text").put("id", String.valueOf(random.nextInt()));
            default -> NODES.stringNode(String.valueOf(random.nextLong()));
        };
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            for (JsonNode child : node) {
                collect(child, into);
            }
        }
    }
}
