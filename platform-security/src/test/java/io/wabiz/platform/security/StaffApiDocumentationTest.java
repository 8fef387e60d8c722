package io.wabiz.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springdoc.core.customizers.OpenApiCustomizer;

class StaffApiDocumentationTest {

    @Test
    void everyOperationNamesTheBearerSchemeAndItsRefusalsAsProblemDetails() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/conversations", new PathItem().get(new Operation().operationId("list")))
                .addPathItem("/api/messages", new PathItem().post(new Operation().operationId("send")
                        .responses(new ApiResponses().addApiResponse("401", new ApiResponse().description("own"))))));

        StaffApiDocumentation.document(api);

        SecurityScheme scheme = api.getComponents().getSecuritySchemes().get("bearer");
        assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(scheme.getScheme()).isEqualTo("bearer");
        assertThat(scheme.getBearerFormat()).isEqualTo("JWT");
        Operation list = api.getPaths().get("/api/conversations").getGet();
        assertThat(api.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("bearer"));
        assertThat(list.getResponses()).containsKeys("401", "403", "default");
        assertThat(list.getResponses().get("403").getContent()).containsKey("application/problem+json");
        assertThat(list.getResponses().get("403").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance");
        Operation send = api.getPaths().get("/api/messages").getPost();
        assertThat(send.getResponses().get("401").getDescription()).as("an operation's own answer is kept").isEqualTo("own");
    }

    @Test
    void isThereForEveryServiceWithSpringdoc() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StaffApiDocumentation.class))
                .run(context -> assertThat(context).hasSingleBean(OpenApiCustomizer.class));
    }
}
