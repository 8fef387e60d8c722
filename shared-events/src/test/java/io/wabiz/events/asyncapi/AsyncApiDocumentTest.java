package io.wabiz.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The AsyncAPI document must describe exactly what the code publishes: every topic of the catalogue
 * with its key and record types, and every record's fields. A record type added without being
 * documented, or a documented payload that no longer exists, fails here.
 */
class AsyncApiDocumentTest {

    private static Map<String, Object> document;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("shared-events/src/main/resources/asyncapi.yaml").isNotNull();
            document = new Yaml().load(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.get("asyncapi").toString()).startsWith("3.");
        assertThat(map(document, "info")).containsKeys("title", "version");
    }

    @Test
    void describesEveryTopicOfTheCatalogueWithItsKeyPartitionsAndRecordTypes() {
        Map<String, Object> channels = map(document, "channels");
        for (TopicCatalogue topic : TopicCatalogue.values()) {
            Map<String, Object> channel = channelOf(channels, topic.topic());
            assertThat(channel).as("channel for topic %s", topic.topic()).isNotNull();
            Map<String, Object> kafka = map(map(channel, "bindings"), "kafka");
            assertThat(kafka.get("partitions")).as("partitions of %s", topic.topic()).isEqualTo(topic.partitions());
            Set<String> documented = new TreeSet<>();
            for (Object message : map(channel, "messages").values()) {
                Map<String, Object> resolved = resolve(message);
                documented.add(payloadName(resolved));
                Map<String, Object> key = map(map(map(resolved, "bindings"), "kafka"), "key");
                assertThat(key.get("description").toString()).as("key of %s", topic.topic()).contains(topic.key());
            }
            Set<String> expected = new TreeSet<>(topic.recordTypes().stream().map(RecordSchemas::schemaName).toList());
            assertThat(documented).as("record types documented on %s", topic.topic()).isEqualTo(expected);
        }
        assertThat(channels).as("no channel for a topic that does not exist").hasSize(TopicCatalogue.values().length);
    }

    @Test
    void everyChannelIsSentAndReceivedAndTheServersAreNamed() {
        Map<String, Object> operations = map(document, "operations");
        for (String channel : map(document, "channels").keySet()) {
            for (String action : List.of("send", "receive")) {
                assertThat(operations.values().stream().map(AsyncApiDocumentTest::asMap)
                        .filter(op -> action.equals(op.get("action")))
                        .anyMatch(op -> ("#/channels/" + channel).equals(map(op, "channel").get("$ref"))))
                        .as("a %s operation on channel %s", action, channel).isTrue();
            }
        }
        assertThat(map(document, "servers")).containsKeys("production", "local");
    }

    @Test
    void everyRecordTypeHasAMessageWithItsCloudEventsType() {
        Map<String, Object> messages = map(map(document, "components"), "messages");
        for (Class<? extends TopicRecord> type : TopicCatalogue.allRecordTypes()) {
            Map<String, Object> message = map(messages, type.getSimpleName());
            assertThat(message).as("message for %s", type.getSimpleName()).isNotEmpty();
            assertThat(payloadName(message)).isEqualTo(type.getSimpleName());
            Object allOf = map(message, "headers").get("allOf");
            assertThat(allOf).as("headers of %s", type.getSimpleName()).isInstanceOf(List.class);
            List<Object> constants = ((List<?>) allOf).stream().map(AsyncApiDocumentTest::resolve)
                    .map(h -> map(map(h, "properties"), "ce_type").get("const")).filter(java.util.Objects::nonNull)
                    .map(Object::toString).map(Object.class::cast).toList();
            assertThat(constants).as("ce_type of %s", type.getSimpleName())
                    .containsExactly(TopicCatalogue.cloudEventType(type));
        }
    }

    @Test
    void documentNamesNoMessageOrPayloadThatDoesNotExist() {
        Set<String> recordTypes = new TreeSet<>(TopicCatalogue.allRecordTypes().stream().map(Class::getSimpleName).toList());
        assertThat(map(map(document, "components"), "messages").keySet()).isSubsetOf(recordTypes);
        Set<String> schemas = new TreeSet<>(map(map(document, "components"), "schemas").keySet());
        schemas.remove("CloudEventsHeaders");
        assertThat(schemas).as("schemas without a record, enum or sealed type behind them")
                .isSubsetOf(RecordSchemas.classes().keySet());
    }

    @Test
    void everySchemaMatchesItsRecordFieldForField() {
        Map<String, Object> documented = map(map(document, "components"), "schemas");
        List<String> mismatches = new ArrayList<>();
        RecordSchemas.all().forEach((name, expected) -> {
            Map<String, Object> actual = map(documented, name);
            if (actual.isEmpty()) {
                mismatches.add(name + ": not described");
                return;
            }
            for (String structural : List.of("type", "enum", "properties", "oneOf")) {
                Object want = expected.get(structural);
                Object have = structural.equals("properties") ? withoutDescriptions(actual.get(structural)) : actual.get(structural);
                if (want != null && !want.equals(have)) {
                    mismatches.add(name + "." + structural + ": document has " + have + " but the code has " + want);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Object withoutDescriptions(Object properties) {
        if (!(properties instanceof Map<?, ?> map)) {
            return properties;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((name, schema) -> copy.put(name, stripDescription(schema)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object stripDescription(Object schema) {
        if (!(schema instanceof Map<?, ?> map)) {
            return schema;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((k, v) -> {
            if (!k.equals("description")) {
                copy.put(k, stripDescription(v));
            }
        });
        return copy;
    }

    private static Map<String, Object> channelOf(Map<String, Object> channels, String topic) {
        return channels.values().stream().map(AsyncApiDocumentTest::asMap)
                .filter(c -> topic.equals(c.get("address"))).findFirst().orElse(null);
    }

    private static Map<String, Object> resolve(Object maybeRef) {
        Map<String, Object> node = asMap(maybeRef);
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        Map<String, Object> target = document;
        for (String part : ref.toString().substring(2).split("/")) {
            target = map(target, part);
        }
        return target;
    }

    private static String payloadName(Map<String, Object> message) {
        Object ref = asMap(message.get("payload")).get("$ref");
        return ref == null ? null : ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? Map.of() : asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
