package io.wabiz.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's staff and admin API checks bearer tokens. Each service embeds this record in its own
 * {@code *Properties} under {@code <prefix>.security}, so the scheme is one and the prefixes stay the services'.
 *
 * @param staticTokens  opaque bearer tokens accepted as they are (local stack, tests); empty in production,
 *                      where tokens are JWTs checked against {@code spring.security.oauth2.resourceserver.jwt.*}
 * @param rolesClaim    the JWT claim that lists the caller's roles ({@code agent}, {@code admin})
 * @param usernameClaim the JWT claim that names the caller (falls back to {@code sub})
 */
public record StaffSecuritySettings(@DefaultValue List<StaticToken> staticTokens,
                                    @DefaultValue("roles") String rolesClaim,
                                    @DefaultValue("preferred_username") String usernameClaim) {

    public StaffSecuritySettings {
        staticTokens = staticTokens == null ? List.of() : List.copyOf(staticTokens);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
    }

    /** One accepted opaque token, the user it stands for and that user's roles. */
    public record StaticToken(String token, String user, List<String> roles) {

        @Override
        public String toString() {
            return "StaticToken[user=" + user + ", roles=" + roles + "]"; // never the token itself
        }
    }
}
