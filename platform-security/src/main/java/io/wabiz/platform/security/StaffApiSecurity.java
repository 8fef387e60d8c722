package io.wabiz.platform.security;

import io.wabiz.platform.security.StaffSecuritySettings.StaticToken;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The one security scheme of the platform's HTTP APIs: every endpoint a service does not open explicitly needs a
 * bearer token — a JWT checked against the configured issuer ({@code spring.security.oauth2.resourceserver.jwt.
 * issuer-uri} or {@code jwk-set-uri}), or, for the local stack and tests, one of the service's static tokens.
 * Health, Prometheus, info and the OpenAPI document stay open; whatever the service's rules do not name is denied.
 * Refusals are problem-details bodies (401 with {@code WWW-Authenticate: Bearer}, 403).
 */
public final class StaffApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(StaffApiSecurity.class);

    /** What stays reachable without a token on every service. */
    public static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/actuator/info", "/error", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};

    private StaffApiSecurity() {
    }

    /**
     * The filter chain of a service's API.
     *
     * @param serviceRules the service's own rules, such as {@code auth.requestMatchers("/api/**").hasRole(AGENT)};
     *                     applied after the open paths and before "deny everything else"
     * @param jwtDecoder   null when the service is configured without an issuer (static tokens only)
     */
    public static SecurityFilterChain filterChain(HttpSecurity http, StaffSecuritySettings settings,
                                                  JwtDecoder jwtDecoder,
                                                  Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>
                                                          .AuthorizationManagerRequestMatcherRegistry> serviceRules)
            throws Exception {
        AuthenticationManager tokens = tokenAuthentication(settings, jwtDecoder);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(OPEN_PATHS).permitAll();
                    serviceRules.customize(auth);
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationManagerResolver(request -> tokens)
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response))
                        .accessDeniedHandler((request, response, e) -> forbidden(response)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> unauthorized(response))
                        .accessDeniedHandler((request, response, ex) -> forbidden(response)));
        return http.build();
    }

    /** Static tokens first (compared in constant time), then the JWT decoder when there is one. */
    public static AuthenticationManager tokenAuthentication(StaffSecuritySettings settings, JwtDecoder jwtDecoder) {
        Map<String, StaticToken> staticTokens = settings.staticTokens().stream()
                .filter(t -> t.token() != null && !t.token().isBlank())
                .collect(Collectors.toUnmodifiableMap(StaticToken::token, t -> t, (a, b) -> a));
        if (!staticTokens.isEmpty()) {
            log.info("Static bearer tokens accepted for {}", staticTokens.values().stream().map(StaticToken::user).toList());
        }
        JwtAuthenticationProvider jwt = null;
        if (jwtDecoder != null) {
            jwt = new JwtAuthenticationProvider(jwtDecoder);
            jwt.setJwtAuthenticationConverter(jwtConverter(settings));
        }
        JwtAuthenticationProvider jwtProvider = jwt;
        return authentication -> {
            if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
                throw new AuthenticationServiceException("unsupported authentication");
            }
            StaticToken match = matching(staticTokens, bearer.getToken());
            if (match != null) {
                return UsernamePasswordAuthenticationToken.authenticated(match.user(), null,
                        StaffRoles.authorities(match.roles()));
            }
            if (jwtProvider == null) {
                throw new BadCredentialsException("unknown bearer token");
            }
            return jwtProvider.authenticate(bearer);
        };
    }

    /** Compares in constant time, so that response times do not tell how much of a token was right. */
    private static StaticToken matching(Map<String, StaticToken> tokens, String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        StaticToken found = null;
        for (Map.Entry<String, StaticToken> entry : tokens.entrySet()) {
            if (MessageDigest.isEqual(entry.getKey().getBytes(StandardCharsets.UTF_8), given)) {
                found = entry.getValue();
            }
        }
        return found;
    }

    private static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(StaffSecuritySettings settings) {
        return jwt -> {
            String name = jwt.getClaimAsString(settings.usernameClaim());
            return new JwtAuthenticationToken(jwt, StaffRoles.fromClaim(jwt.getClaims().get(settings.rolesClaim())),
                    name != null ? name : jwt.getSubject());
        };
    }

    /**
     * A URL the firewall refuses (an encoded {@code ;}, {@code /}, {@code %}, a path that is not normalised) as a
     * 400 problem-details body rather than the container's error page. Declare it as a bean: Spring Security
     * uses the application's {@link RequestRejectedHandler}.
     */
    public static RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, rejected) -> {
            log.debug("URL refused by the firewall: {}", rejected.getMessage());
            problem(response, HttpStatus.BAD_REQUEST, "Invalid request", "the URL contains a character sequence the"
                    + " API does not accept (such as an encoded ';', '/' or '%'): send such values in a query"
                    + " parameter or a body, or leave them out");
        };
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        problem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "send a valid bearer token in the Authorization header");
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        problem(response, HttpStatus.FORBIDDEN, "Forbidden", "your role does not allow this operation");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
