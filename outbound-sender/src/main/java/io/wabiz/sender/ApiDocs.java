package io.wabiz.sender;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.wabiz.platform.security.StaffApiDocumentation;

/**
 * The operators' API as OpenAPI describes it ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}).
 * platform-security's {@link StaffApiDocumentation} adds the bearer scheme (so that "Try it out" sends the token) and
 * the refusals of every operation; the controllers name their own errors with {@link #PROBLEM_JSON} and
 * {@link #PROBLEM_SCHEMA}.
 */
public final class ApiDocs {

    public static final String PROBLEM_JSON = StaffApiDocumentation.PROBLEM_JSON;
    public static final String PROBLEM_SCHEMA = StaffApiDocumentation.PROBLEM_SCHEMA;

    private ApiDocs() {
    }

    static OpenAPI document() {
        return new OpenAPI().info(new Info().title("outbound-sender operators' API").version("v1").description(
                "Business numbers, their diagnostics and pauses, media upload, template sync. For administrators: a"
                        + " bearer token with the ADMIN role (a JWT of the identity provider; locally local-admin-token)."));
    }
}
