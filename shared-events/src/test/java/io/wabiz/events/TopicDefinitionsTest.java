package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The deployment's topic definitions (deploy/base/topics) create exactly the catalogue's topics. */
class TopicDefinitionsTest {

    private static final Path DEFINITIONS = Path.of("..", "deploy", "base", "topics", "kafka-topics.yaml");

    @Test
    @SuppressWarnings("unchecked")
    void deployDefinesEveryCatalogueTopicAndItsDeadLetterTopicWithThePartitionsAndCompaction() throws IOException {
        Map<String, Map<String, Object>> defined = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(DEFINITIONS)) {
            for (Object document : new Yaml().loadAll(reader)) {
                Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) document).get("spec");
                defined.put((String) spec.get("topicName"), spec);
            }
        }

        Map<String, Integer> expected = new HashMap<>();
        for (TopicCatalogue topic : TopicCatalogue.values()) {
            expected.put(topic.topic(), topic.partitions());
            expected.put(topic.deadLetterTopic(), topic.partitions());
            Map<String, Object> config = (Map<String, Object>) defined.getOrDefault(topic.topic(), Map.of()).get("config");
            assertThat(config).as("config of %s", topic.topic()).isNotNull();
            assertThat("compact".equals(config.get("cleanup.policy"))).as("%s compacted", topic.topic())
                    .isEqualTo(topic.compacted());
        }
        Map<String, Integer> actual = new HashMap<>();
        defined.forEach((name, spec) -> actual.put(name, (Integer) spec.get("partitions")));
        assertThat(actual).isEqualTo(expected);
    }
}
