package io.wabiz.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of a staff or admin API, as {@link StaffApiSecurity} guards it: the bearer scheme for every
 * operation (Swagger UI's "Authorize" then sends the token with "Try it out"), and the refusals every operation can
 * answer, as RFC 9457 problem details (401 without a valid token, 403 without the role, and the problem shape of
 * the service's other errors). Active in any service that has springdoc.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class StaffApiDocumentation {

    public static final String SCHEME = "bearer";
    public static final String PROBLEM = "Problem";
    /** For a service's own error answers: {@code content = @Content(mediaType = PROBLEM_JSON, schema = ...)}. */
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/" + PROBLEM;

    @Bean
    OpenApiCustomizer staffApiBearerScheme() {
        return StaffApiDocumentation::document;
    }

    static void document(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        components.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT of the company's identity provider (roles in its roles "
                        + "claim); in the local stack, a static token such as local-agent-token or local-admin-token"));
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getSecurity() == null || api.getSecurity().isEmpty()) {
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME)); // every operation: Swagger UI's Authorize
        }
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(StaffApiDocumentation::refusals));
    }

    private static void refusals(Operation operation) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        responses.putIfAbsent("401", problem("No token, or a token that is not valid (expired, another issuer, "
                + "a wrong signature)"));
        responses.putIfAbsent("403", problem("The token's roles do not allow this operation"));
        responses.putIfAbsent("default", problem("Any other refusal: the problem's detail says what to change"));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("what kind of problem"))
                .addProperty("title", new StringSchema().description("the kind, for people"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("this occurrence: what was wrong"))
                .addProperty("instance", new StringSchema().format("uri").description("the request's path"));
    }
}
