package io.wabiz.conversations.security;

import io.wabiz.conversations.ConversationsProperties;
import io.wabiz.conversations.ConversationsProperties.StaticToken;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every staff endpoint needs a bearer token: a JWT checked against the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}), or, for the local
 * stack and tests, one of the opaque {@code conversations.security.static-tokens}. Health, Prometheus and
 * the OpenAPI document stay open. Refusals are problem-details bodies.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain staffApi(HttpSecurity http, ConversationsProperties properties,
                                 ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        AuthenticationManager tokens = tokenAuthentication(properties.security(), jwtDecoder.getIfAvailable());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/bulk-sends").hasRole(StaffRoles.ADMIN)
                        .requestMatchers("/api/contacts/*/opt-out").hasRole(StaffRoles.ADMIN)
                        .requestMatchers("/api/**").hasRole(StaffRoles.AGENT)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationManagerResolver(request -> tokens)
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "send a valid bearer token in the Authorization header"))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "your role does not allow this operation")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "send a valid bearer token in the Authorization header"))
                        .accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "your role does not allow this operation")));
        return http.build();
    }

    static AuthenticationManager tokenAuthentication(ConversationsProperties.Security security, JwtDecoder jwtDecoder) {
        Map<String, StaticToken> staticTokens = security.staticTokens().stream()
                .filter(t -> t.token() != null && !t.token().isBlank())
                .collect(Collectors.toUnmodifiableMap(StaticToken::token, t -> t, (a, b) -> a));
        if (!staticTokens.isEmpty()) {
            log.info("Static bearer tokens accepted for {}", staticTokens.values().stream().map(StaticToken::user).toList());
        }
        JwtAuthenticationProvider jwt = null;
        if (jwtDecoder != null) {
            jwt = new JwtAuthenticationProvider(jwtDecoder);
            jwt.setJwtAuthenticationConverter(jwtConverter(security));
        }
        JwtAuthenticationProvider jwtProvider = jwt;
        return authentication -> {
            if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
                throw new AuthenticationServiceException("unsupported authentication");
            }
            StaticToken match = matching(staticTokens, bearer.getToken());
            if (match != null) {
                UsernamePasswordAuthenticationToken user = UsernamePasswordAuthenticationToken.authenticated(
                        match.user(), null, StaffRoles.authorities(match.roles()));
                return user;
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

    private static Converter<Jwt, AbstractAuthenticationToken> jwtConverter(ConversationsProperties.Security security) {
        return jwt -> {
            Object claim = jwt.getClaims().get(security.rolesClaim());
            List<String> roles = switch (claim) {
                case Collection<?> values -> values.stream().map(String::valueOf).toList();
                case String value -> List.of(value.split("[ ,]+"));
                case null, default -> List.of();
            };
            String name = jwt.getClaimAsString(security.usernameClaim());
            return new JwtAuthenticationToken(jwt, StaffRoles.authorities(roles), name != null ? name : jwt.getSubject());
        };
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws java.io.IOException {
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
