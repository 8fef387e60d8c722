package io.wabiz.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShippedTemplatesTest {

    private static final Path FOLDER = Path.of("..", "templates");

    @Test
    void everyShippedTemplateIsFitToSubmit() {
        TemplateDefinitions definitions = TemplateDefinitions.fromDirectory(FOLDER); // refuses any problem
        assertThat(definitions.all()).isNotEmpty();
        TemplateDefinition created = definitions.find("sales_order_created", "fr").orElseThrow();
        assertThat(created.category()).isEqualTo("UTILITY");
        assertThat(created.bodyParameterCount()).isEqualTo(5);
        assertThat(created.quickReplyCount()).isEqualTo(3);
        assertThat(definitions.find("sales_order_created", "en")).isPresent();
    }

    @Test
    void theFilesArePackagedForTheSimulatorAndTheServices() {
        assertThat(getClass().getClassLoader()
                .getResource(TemplateDefinitions.CLASSPATH_FOLDER + "/sales_order_created.fr.json")).isNotNull();
    }

    @Test
    void refusesWhatMetaWouldRefuse() {
        String endsWithVariable = """
                {"name":"Bad Name","language":"fr","category":"UTILITY","components":[
                 {"type":"BODY","text":"Bonjour {{1}}, total {{3}}","example":{"body_text":[["a"]]}},
                 {"type":"FOOTER","text":"{{1}}"},
                 {"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"A label far longer than allowed"}]}]}
                """;
        assertThatThrownBy(() -> TemplateDefinitions.read("bad.json",
                new ByteArrayInputStream(endsWithVariable.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("name must be lowercase")
                .hasMessageContaining("{{1}}, {{2}}, ... in order")
                .hasMessageContaining("must not start or end with a variable")
                .hasMessageContaining("needs as many examples")
                .hasMessageContaining("footer has no variables")
                .hasMessageContaining("button text must be 1 to 25");
    }
}
