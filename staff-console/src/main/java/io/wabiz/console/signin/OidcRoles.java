package io.wabiz.console.signin;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.platform.security.StaffRoles;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Reads an OIDC user's staff roles from the configured claim of the ID token or user info, as the services
 * read them from the access token ({@link StaffRoles}): agent, admin; anything else grants nothing.
 */
public final class OidcRoles {

    private OidcRoles() {
    }

    public static OAuth2UserService<OidcUserRequest, OidcUser> userService(ConsoleProperties.Security security) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            String nameClaim = user.getClaims().containsKey(security.usernameClaim()) ? security.usernameClaim() : "sub";
            return new DefaultOidcUser(StaffRoles.fromClaim(user.getClaims().get(security.rolesClaim())), user.getIdToken(), user.getUserInfo(), nameClaim);
        };
    }
}
