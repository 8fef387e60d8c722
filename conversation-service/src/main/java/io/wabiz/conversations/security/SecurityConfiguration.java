package io.wabiz.conversations.security;

import static io.wabiz.platform.security.StaffRoles.ADMIN;
import static io.wabiz.platform.security.StaffRoles.AGENT;

import io.wabiz.conversations.ConversationsProperties;
import io.wabiz.platform.security.StaffApiSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The staff API under the platform's one scheme ({@link StaffApiSecurity}): agents read and send, admins also
 * send in bulk and override opt-outs.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain staffApi(HttpSecurity http, ConversationsProperties properties,
                                 ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        return StaffApiSecurity.filterChain(http, properties.security(), jwtDecoder.getIfAvailable(), auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/bulk-sends", "/api/bulk-sends/preview").hasRole(ADMIN)
                .requestMatchers("/api/contacts/*/opt-out").hasRole(ADMIN)
                .requestMatchers("/api/**").hasRole(AGENT));
    }

    /** A URL the firewall refuses ({@code /api/contacts/221770000001%3B%20DROP}) answers problem details too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return StaffApiSecurity.requestRejectedAsProblem();
    }
}
