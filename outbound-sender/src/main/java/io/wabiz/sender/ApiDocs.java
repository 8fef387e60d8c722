package io.wabiz.sender;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The operators' API as OpenAPI describes it ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): the
 * bearer scheme, so that "Try it out" sends the token, and the problem-details body of every refusal. The
 * controllers name their own errors with {@link #PROBLEM_JSON} and {@link #PROBLEM_SCHEMA}.
 */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String BEARER = "bearer";

    private ApiDocs() {
    }

    static OpenAPI document() {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("outbound-sender operators' API").version("v1").description("Business numbers,"
                        + " their diagnostics and pauses, media upload, template sync. For administrators: a bearer"
                        + " token with the ADMIN role (a JWT of the identity provider; locally local-admin-token)."))
                .components(new Components().addSchemas("Problem", problem).addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme(BEARER)))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every operation may be refused before it runs: 401 without a valid token, 403 without the ADMIN role. */
    static void addRefusals(OpenAPI api) {
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operation.getResponses()
                .addApiResponse("401", problem("No bearer token, or one nobody issued"))
                .addApiResponse("403", problem("The token's roles do not include admin"))));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
    }
}
