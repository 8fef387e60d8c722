package io.wabiz.console;

import io.wabiz.console.api.ConversationsApi;
import io.wabiz.console.api.NotifierApi;
import io.wabiz.console.api.RemindersApi;
import io.wabiz.console.api.ScenariosApi;
import io.wabiz.console.api.SenderApi;
import io.wabiz.console.api.ServiceProblem;
import io.wabiz.console.signin.OidcRoles;
import io.wabiz.console.signin.ServiceTokens;
import io.wabiz.console.signin.StaticUsers;
import io.wabiz.console.web.Formats;
import io.wabiz.console.web.Htmx;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.platform.security.StaffRoles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The console's wiring: who may sign in (OIDC, local users), which screens need which role, and the clients of
 * the services' APIs, each call carrying the signed-in person's own token.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

    /** Open without signing in: the sign-in page itself, static files, health and metrics. */
    private static final String[] OPEN = {"/signin", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus"};
    /** The screens an agent is not offered (the services refuse the calls behind them too). */
    private static final String[] ADMIN_SCREENS = {"/automation/**", "/send/bulk/**", "/templates/sync"};

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleProperties properties,
                                        ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/signin");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(ADMIN_SCREENS).hasRole(StaffRoles.ADMIN)
                        .anyRequest().hasRole(StaffRoles.AGENT))
                .formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin").defaultSuccessUrl("/", false)
                        .failureUrl("/signin?error"))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            if (Htmx.isHtmx(request)) {
                                // an expired session while polling: the whole page goes to the sign-in, not a fragment
                                response.setHeader("HX-Redirect", "/signin");
                                response.setStatus(401);
                            } else {
                                signIn.commence(request, response, ex);
                            }
                        })
                        .accessDeniedPage("/denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/signin")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(OidcRoles.userService(properties.security()))));
        }
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager staticUsers(ConsoleProperties properties) {
        return StaticUsers.of(properties.security());
    }

    @Bean
    ServiceTokens serviceTokens(ConsoleProperties properties, ObjectProvider<ClientRegistrationRepository> registrations,
                                ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        OAuth2AuthorizedClientManager manager = null;
        if (repository != null) {
            DefaultOAuth2AuthorizedClientManager refreshing = new DefaultOAuth2AuthorizedClientManager(repository,
                    authorizedClients.getObject());
            refreshing.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode()
                    .refreshToken().build());
            manager = refreshing;
        }
        return new ServiceTokens(properties.security(), manager);
    }

    @Bean
    ConversationsApi conversationsApi(RestClient.Builder builder, ConsoleProperties properties, ServiceTokens tokens) {
        return new ConversationsApi(client(builder, "conversation-service", properties.services().conversations(),
                properties, tokens));
    }

    @Bean
    SenderApi senderApi(RestClient.Builder builder, ConsoleProperties properties, ServiceTokens tokens) {
        URI sender = properties.services().sender();
        return sender == null ? null : new SenderApi(client(builder, "outbound-sender", sender, properties, tokens));
    }

    @Bean
    NotifierApi notifierApi(RestClient.Builder builder, ConsoleProperties properties, ServiceTokens tokens) {
        URI notifier = properties.services().notifier();
        return notifier == null ? null : new NotifierApi(client(builder, "billing-notifier", notifier, properties, tokens));
    }

    @Bean
    ScenariosApi scenariosApi(RestClient.Builder builder, ConsoleProperties properties, ServiceTokens tokens) {
        URI scenarios = properties.services().scenarios();
        return scenarios == null ? null : new ScenariosApi(client(builder, "scenario-engine", scenarios, properties, tokens));
    }

    @Bean
    RemindersApi remindersApi(RestClient.Builder builder, ConsoleProperties properties, ServiceTokens tokens) {
        URI reminders = properties.services().reminders();
        return reminders == null ? null
                : new RemindersApi(client(builder, "reminder-scheduler", reminders, properties, tokens));
    }

    /**
     * Off: the resource chain's URL rewriting (on because webjars-locator-lite is here) looked every link the pages
     * build ({@code @{...}}: each conversation, reply and pager link) up as a static file on the class path, inside
     * the nested jar: 56% of the console's CPU for a 200-message conversation (JFR, bench/console). The console
     * versions no static file; htmx's version-less webjar path is still resolved when the browser asks for it.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Formats formats(ConsoleProperties properties, Clock clock) {
        return new Formats(properties.timeZone(), clock);
    }

    @Bean
    PhoneNumbers phoneNumbers(ConsoleProperties properties) {
        return new PhoneNumbers(properties.defaultCountry());
    }

    /**
     * The browser's language when it is English or French, else French; {@code ?lang=en|fr} switches and the
     * choice is kept in a cookie.
     */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("console-lang");
        resolver.setDefaultLocaleFunction(request -> request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null
                && Locale.ENGLISH.getLanguage().equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language);
    }

    private static RestClient client(RestClient.Builder builder, String service, URI baseUrl,
                                     ConsoleProperties properties, ServiceTokens tokens) {
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(properties.services().connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(jdk);
        requests.setReadTimeout(properties.services().readTimeout());
        ClientHttpRequestInterceptor onBehalfOfUser = (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.currentToken());
            try {
                return execution.execute(request, body);
            } catch (IOException e) {
                throw ServiceProblem.unreachable(service, e);
            }
        };
        return builder.clone().baseUrl(baseUrl.toString()).requestFactory(requests)
                .requestInterceptor(onBehalfOfUser)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ServiceProblem.of(service, response);
                })
                .build();
    }
}
