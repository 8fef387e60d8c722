package io.wabiz.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console with the services' APIs (conversation-service, outbound-sender, billing-notifier, scenario-engine,
 * reminder-scheduler) played by one WireMock server: each
 * test stubs what the services answer and checks what the console asked, with whose token. One Spring
 * context for every controller test (same configuration: the context cache reuses it).
 */
@SpringBootTest(properties = {
        "console.security.static-users[0].username=agent",
        "console.security.static-users[0].password={noop}agent-password",
        "console.security.static-users[0].token=agent-service-token",
        "console.security.static-users[0].roles=agent",
        "console.security.static-users[1].username=admin",
        "console.security.static-users[1].password={noop}admin-password",
        "console.security.static-users[1].token=admin-service-token",
        "console.security.static-users[1].roles=admin",
        "console.time-zone=Africa/Dakar",
        "logging.structured.format.console="})
@AutoConfigureMockMvc
public abstract class ConsoleTest {

    public static final String AGENT_TOKEN = "agent-service-token";
    public static final String ADMIN_TOKEN = "admin-service-token";

    protected static final WireMockServer services = new WireMockServer(options().dynamicPort());

    static {
        services.start();
    }

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("console.services.conversations", services::baseUrl);
        registry.add("console.services.sender", services::baseUrl);
        registry.add("console.services.notifier", services::baseUrl);
        registry.add("console.services.scenarios", services::baseUrl);
        registry.add("console.services.reminders", services::baseUrl);
    }

    @BeforeEach
    void resetServices() {
        services.resetAll();
    }

    protected static RequestPostProcessor agent() {
        return user("agent").roles("AGENT");
    }

    protected static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN", "AGENT");
    }

    protected static com.github.tomakehurst.wiremock.matching.StringValuePattern bearer(String token) {
        return WireMock.equalTo("Bearer " + token);
    }
}
