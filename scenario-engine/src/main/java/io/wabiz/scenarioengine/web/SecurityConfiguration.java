package io.wabiz.scenarioengine.web;

import static io.wabiz.platform.security.StaffRoles.ADMIN;

import io.wabiz.platform.security.StaffApiSecurity;
import io.wabiz.scenarioengine.ScenarioEngineProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** The admin API under the platform's one scheme ({@link StaffApiSecurity}): administrators only. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain adminApi(HttpSecurity http, ScenarioEngineProperties properties,
                                 ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        return StaffApiSecurity.filterChain(http, properties.security(), jwtDecoder.getIfAvailable(), auth -> auth
                .requestMatchers("/api/admin/**").hasRole(ADMIN));
    }
}
