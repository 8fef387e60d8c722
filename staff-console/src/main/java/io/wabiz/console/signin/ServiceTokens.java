package io.wabiz.console.signin;

import io.wabiz.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The bearer token the console shows the services for the person signed in: the OIDC access token (refreshed
 * when it expires), or, for a local user, the static token that stands for the same user in the services.
 * The console never calls a service with a token of its own.
 */
public class ServiceTokens {

    private final ConsoleProperties.Security security;
    private final OAuth2AuthorizedClientManager authorizedClients;

    /** @param authorizedClients null when no OIDC provider is configured */
    public ServiceTokens(ConsoleProperties.Security security, OAuth2AuthorizedClientManager authorizedClients) {
        this.security = security;
        this.authorizedClients = authorizedClients;
    }

    public String currentToken() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            throw new InsufficientAuthenticationException("nobody is signed in");
        }
        if (user instanceof OAuth2AuthenticationToken oidc && authorizedClients != null) {
            OAuth2AuthorizeRequest.Builder request = OAuth2AuthorizeRequest
                    .withClientRegistrationId(oidc.getAuthorizedClientRegistrationId()).principal(oidc);
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
                request.attribute(HttpServletRequest.class.getName(), servlet.getRequest());
                if (servlet.getResponse() != null) {
                    request.attribute(HttpServletResponse.class.getName(), servlet.getResponse());
                }
            }
            OAuth2AuthorizedClient client = authorizedClients.authorize(request.build());
            if (client == null || client.getAccessToken() == null) {
                throw new InsufficientAuthenticationException("no access token for " + oidc.getName() + ": sign in again");
            }
            return client.getAccessToken().getTokenValue();
        }
        return security.staticUser(user.getName()).map(ConsoleProperties.StaticUser::token)
                .orElseThrow(() -> new InsufficientAuthenticationException("no service token for " + user.getName()));
    }
}
