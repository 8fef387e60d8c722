package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.whatsapp.InboundContent;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * A content type added to a sealed content interface fails here until it is named in {@code @JsonSubTypes}
 * (or it could not be read), described in the AsyncAPI document, and given a sample under
 * {@code samples/<inbound|outbound>-content/<kind>.json} (which {@code RecordJsonTest} round-trips).
 */
class SealedContentGuardTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {InboundContent.class, OutboundContent.class})
    void everySealedContentTypeIsNamedDescribedAndSampled(Class<?> sealed) throws Exception {
        Set<Class<?>> permitted = Set.of(sealed.getPermittedSubclasses());
        Map<Class<?>, String> named = Arrays.stream(sealed.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));
        assertThat(named.keySet()).as("@JsonSubTypes of %s", sealed.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(permitted);

        List<String> described = describedSubtypes(sealed.getSimpleName());
        assertThat(described).as("oneOf of %s in asyncapi.yaml", sealed.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(permitted.stream()
                        .map(type -> sealed.getSimpleName() + "." + type.getSimpleName()).toList());

        String folder = sealed == InboundContent.class ? "inbound-content" : "outbound-content";
        for (Map.Entry<Class<?>, String> subtype : named.entrySet()) {
            try (InputStream sample = getClass().getResourceAsStream("/samples/" + folder + "/" + subtype.getValue()
                    + ".json")) {
                assertThat(sample).as("samples/%s/%s.json for %s", folder, subtype.getValue(),
                        subtype.getKey().getSimpleName()).isNotNull();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> describedSubtypes(String sealedName) throws Exception {
        try (InputStream in = SealedContentGuardTest.class.getResourceAsStream("/asyncapi.yaml")) {
            Map<String, Object> document = new Yaml().load(in);
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas");
            List<Map<String, Object>> oneOf = (List<Map<String, Object>>) ((Map<String, Object>) schemas
                    .get(sealedName)).get("oneOf");
            return oneOf.stream().map(ref -> ref.get("$ref").toString())
                    .map(ref -> ref.substring(ref.lastIndexOf('/') + 1)).toList();
        }
    }
}
