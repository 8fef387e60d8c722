package io.wabiz.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every record maps to JSON and back without losing anything, from checked-in samples. */
class RecordJsonTest {

    static Stream<Class<? extends TopicRecord>> recordTypes() {
        return TopicCatalogue.allRecordTypes().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordTypes")
    void checkedInSampleParsesAndRoundTripsWithoutLoss(Class<? extends TopicRecord> type) throws IOException {
        String sample = sample(type.getSimpleName() + ".json");

        TopicRecord parsed = EventJson.fromJson(sample, type);
        String written = EventJson.toJson(parsed);

        assertThat(EventJson.fromJson(written, type)).isEqualTo(parsed);
        assertThat(tree(written)).as("%s written back", type.getSimpleName()).isEqualTo(tree(sample));
        assertThat(parsed.id()).isNotBlank();
        assertThat(parsed.key()).isNotBlank();
        assertThat(parsed.occurredAt()).isNotNull();
        assertThat(tree(written).has("key")).as("the key is derived, not written").isFalse();
    }

    static Stream<Arguments> contentSamples() {
        return Stream.concat(
                files("inbound-content").map(f -> Arguments.of(f, InboundContent.class)),
                files("outbound-content").map(f -> Arguments.of(f, OutboundContent.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contentSamples")
    void everyContentKindRoundTrips(String file, Class<?> sealedType) throws IOException {
        String sample = sample(file);

        Object parsed = EventJson.fromJson(sample, sealedType);

        assertThat(tree(EventJson.toJson(parsed))).isEqualTo(tree(sample));
        assertThat(EventJson.fromJson(EventJson.toJson(parsed), sealedType)).isEqualTo(parsed);
    }

    @Test
    void everyCatalogueRecordTypeHasASampleAndEverySampleARecordType() {
        List<String> samples = files("").filter(f -> !f.startsWith("unknown-fields-"))
                .map(f -> f.replace(".json", "")).sorted().toList();
        List<String> types = recordTypes().map(Class::getSimpleName).sorted().toList();
        assertThat(samples).isEqualTo(types);
    }

    @Test
    void sampleWithUnknownFieldsStillParses() throws IOException {
        InboundMessageReceived message = EventJson.fromJson(
                sample("unknown-fields-InboundMessageReceived.json"), InboundMessageReceived.class);

        assertThat(message.content()).isEqualTo(new InboundContent.ButtonReply("order:sale.order/1207:validate", "Valider"));
        assertThat(message.context().wamid()).startsWith("wamid.");
        assertThat(message.key()).isEqualTo("100000000000001:221771234567");
    }

    @Test
    void unknownEnumValueFromAnotherErpReadsAsUnknown() throws IOException {
        SalesOrderStateChanged changed = EventJson.fromJson(
                sample("unknown-fields-SalesOrderStateChanged.json"), SalesOrderStateChanged.class);

        assertThat(changed.order().state()).isEqualTo(SalesOrderState.UNKNOWN);
        assertThat(changed.previousState()).isEqualTo(SalesOrderState.QUOTATION);
        assertThat(changed.order().lines()).hasSize(2);
    }

    @Test
    void listsAreImmutableAndNeverNull() {
        InboundContent.Contacts contacts = new InboundContent.Contacts(null);
        assertThat(contacts.contacts()).isEmpty();
        assertThat(EventJson.fromJson("{\"kind\":\"contacts\"}", InboundContent.class))
                .isEqualTo(new InboundContent.Contacts(List.of()));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = RecordJsonTest.class.getResourceAsStream("/samples/" + name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Stream<String> files(String folder) {
        try {
            Path dir = Path.of(RecordJsonTest.class.getResource("/samples/").toURI()).resolve(folder);
            try (Stream<Path> listing = Files.list(dir)) {
                List<String> names = listing.filter(Files::isRegularFile)
                        .map(p -> (folder.isEmpty() ? "" : folder + "/") + p.getFileName()).sorted().toList();
                return names.stream();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        return EventJson.mapper().readTree(json);
    }
}
