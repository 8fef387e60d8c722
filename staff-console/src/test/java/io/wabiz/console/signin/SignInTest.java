package io.wabiz.console.signin;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.wabiz.console.ApiJson.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class SignInTest extends ConsoleTest {

    @Test
    void aLocalUserSignsInAndTheServicesAreCalledWithTheStaticTokenThatStandsForThem() throws Exception {
        services.stubFor(WireMock.get(urlPathEqualTo("/api/conversations")).willReturn(okJson(page(0, 30, 0))));
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/signin").user("admin").password("admin-password"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();

        String html = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("data-testid=\"nav-admin\"", ">admin<");
        services.verify(getRequestedFor(urlPathEqualTo("/api/conversations")).withHeader("Authorization", bearer(ADMIN_TOKEN)));
    }

    @Test
    void thePagesLinkHtmxByItsVersionLessWebjarPathAndItIsServedWithTheStylesWithoutSigningIn() throws Exception {
        String signIn = mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString();
        assertThat(signIn).contains("src=\"/webjars/htmx.org/dist/htmx.min.js\"", "href=\"/css/console.css\"");

        assertThat(mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("htmx");
        mvc.perform(get("/css/console.css")).andExpect(status().isOk());
        mvc.perform(get("/js/console.js")).andExpect(status().isOk());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin("/signin").user("agent").password("nope")).andExpect(redirectedUrl("/signin?error"));
    }

    @Test
    void theSignInPageIsInFrenchByDefaultAndInEnglishOnRequest() throws Exception {
        assertThat(mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString()).contains("Connexion");
        assertThat(mvc.perform(get("/signin").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("Sign in");
    }
}
