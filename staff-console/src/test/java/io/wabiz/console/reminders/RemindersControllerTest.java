package io.wabiz.console.reminders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.wabiz.console.ConsoleTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The reminders screen over reminder-scheduler's admin API (played by WireMock, shapes from its AdminController). */
class RemindersControllerTest extends ConsoleTest {

    private static final String COMPANY = "res.company/1";

    private void runsAndPauses(String pausesJson) {
        services.stubFor(WireMock.get(urlPathEqualTo("/admin/runs")).willReturn(okJson("""
                [{"company":"res.company/1","day":"2026-12-01","status":"COMPLETED","attempts":2,
                  "startedAt":"2026-12-01T08:00:02Z","completedAt":"2026-12-01T08:00:09Z","replica":"reminders-7f9c",
                  "trigger":"SCHEDULE","counts":{"examined":40,"planned":3,"published":3,"republished":0,
                  "alreadyDone":0,"stopped":2,"superseded":1,"changed":0}}]""")));
        services.stubFor(WireMock.get(urlPathEqualTo("/admin/pauses")).willReturn(okJson(pausesJson)));
    }

    private void planOfTheDay() {
        services.stubFor(WireMock.get(urlPathEqualTo("/admin/plan")).withQueryParam("company", equalTo(COMPANY))
                .willReturn(okJson("""
                        {"company":"res.company/1","day":"2026-12-01","examined":40,"planned":1,"stopped":2,"waiting":30,
                         "finished":7,"stoppedByReason":{"PAID":1,"PARTNER_PAUSED":1},"plannedByLevel":{"d+10":1},
                         "reminders":[{"invoiceId":"account.move/17","number":"INV/2026/00017","partnerId":"res.partner/7",
                           "level":10,"daysOverdue":10,"superseded":[3],"template":"invoice_reminder_overdue","language":"fr"}],
                         "stops":[{"invoiceId":"account.move/18","number":"INV/2026/00018","partnerId":"res.partner/8",
                           "dueDate":"2026-11-28","level":3,"reason":"PARTNER_PAUSED",
                           "explanation":"an admin paused reminders for this partner"},
                          {"invoiceId":"account.move/19","number":"INV/2026/00019","partnerId":"res.partner/9",
                           "dueDate":"2026-11-20","level":null,"reason":"PAID",
                           "explanation":"the invoice is paid, in payment, or has nothing left to pay"}],
                         "tookMillis":12,"nextRun":"2026-12-02T08:00:00Z"}""")));
    }

    @Test
    void anAdminSeesTheDaysPlanWhyTheOthersAreNotSentTheRecentRunsAndThePauses() throws Exception {
        runsAndPauses("""
                [{"target":"PARTNER","id":"res.partner/8","by":"local-admin","at":"2026-11-30T10:00:00Z",
                  "note":"disputes by phone"}]""");
        planOfTheDay();

        String html = mvc.perform(get("/automation/reminders").with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // the plan of the latest run's company, without being asked which
        assertThat(html).contains("40 open invoices examined, 1 reminders to send, 2 not sent")
                .contains("INV/2026/00017", "res.partner/7", "10 days from the due date", "invoice_reminder_overdue (fr)")
                .contains("INV/2026/00018", "PARTNER_PAUSED", "an admin paused reminders for this partner")
                .contains("INV/2026/00019", "the invoice is paid, in payment, or has nothing left to pay");
        assertThat(html).contains("data-testid=\"run\" data-status=\"COMPLETED\"", "SCHEDULE · reminders-7f9c",
                "2 attempts", "40 examined, 3 sent, 2 not sent, 1 superseded");
        assertThat(html).contains("data-target=\"PARTNER\" data-id=\"res.partner/8\"", "disputes by phone", "local-admin")
                .contains("/automation/reminders/resume?target=PARTNER&amp;id=res.partner/8");
        services.verify(getRequestedFor(urlPathEqualTo("/admin/plan")).withQueryParam("company", equalTo(COMPANY))
                .withQueryParam("limit", equalTo("100")).withoutQueryParam("day")
                .withHeader("Authorization", bearer(ADMIN_TOKEN)));
        services.verify(getRequestedFor(urlPathEqualTo("/admin/runs")).withHeader("Authorization", bearer(ADMIN_TOKEN)));
    }

    @Test
    void pausingAPartnerIsConfirmedFirstThenAskedOfTheServiceWithTheNote() throws Exception {
        runsAndPauses("[]");
        planOfTheDay();
        services.stubFor(WireMock.put(urlPathEqualTo("/admin/pauses")).willReturn(okJson("""
                {"target":"PARTNER","id":"res.partner/7","by":"local-admin","at":"2026-12-01T09:00:00Z","note":"promised to pay"}""")));

        String confirm = mvc.perform(get("/automation/reminders/pause").param("target", "PARTNER")
                        .param("id", "res.partner/7").param("note", "promised to pay").param("company", COMPANY)
                        .with(admin()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Pause the reminders?", "No reminder goes to partner res.partner/7",
                "promised to pay", "data-testid=\"confirm-button\"");
        services.verify(0, putRequestedFor(anyUrl()));

        MvcResult paused = mvc.perform(post("/automation/reminders/pause").param("target", "PARTNER")
                        .param("id", "res.partner/7").param("note", "promised to pay").param("company", COMPANY)
                        .with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/automation/reminders?company=res.company/1"))
                .andReturn();
        services.verify(putRequestedFor(urlPathEqualTo("/admin/pauses")).withQueryParam("partnerId", equalTo("res.partner/7"))
                .withRequestBody(equalToJson("{\"note\":\"promised to pay\"}"))
                .withHeader("Authorization", bearer(ADMIN_TOKEN)));

        String after = mvc.perform(get("/automation/reminders").param("company", COMPANY).with(admin())
                        .header("Accept-Language", "en").flashAttrs(paused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Reminders paused for partner res.partner/7.");
    }

    @Test
    void theServicesRefusalOfAResumeIsShownAsItSaidIt() throws Exception {
        runsAndPauses("[]");
        planOfTheDay();
        services.stubFor(WireMock.delete(urlPathEqualTo("/admin/pauses")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no pause for invoice account.move/17\"}")));

        MvcResult refused = mvc.perform(post("/automation/reminders/resume").param("target", "INVOICE")
                        .param("id", "account.move/17").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/automation/reminders")).andReturn();
        services.verify(deleteRequestedFor(urlPathEqualTo("/admin/pauses"))
                .withQueryParam("invoiceId", equalTo("account.move/17")));

        String html = mvc.perform(get("/automation/reminders").with(admin()).header("Accept-Language", "en")
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-testid=\"problem\"", "no pause for invoice account.move/17", "reminder-scheduler, 404");
    }

    @Test
    void aPauseWithoutAnIdIsNotAskedOfTheService() throws Exception {
        MvcResult missing = mvc.perform(get("/automation/reminders/pause").param("target", "INVOICE").param("id", " ")
                        .with(admin()))
                .andExpect(status().is3xxRedirection()).andReturn();
        runsAndPauses("[]");
        planOfTheDay();
        String html = mvc.perform(get("/automation/reminders").with(admin()).header("Accept-Language", "en")
                        .flashAttrs(missing.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("data-testid=\"reminders-missing-id\"", "Give the invoice’s ERP id");
        services.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void anAgentIsNotOfferedTheRemindersScreenNorItsPauses() throws Exception {
        mvc.perform(get("/automation/reminders").with(agent())).andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/denied"));
        mvc.perform(post("/automation/reminders/pause").param("target", "PARTNER").param("id", "res.partner/7")
                .with(agent()).with(csrf())).andExpect(status().isForbidden());
        services.verify(0, getRequestedFor(urlPathEqualTo("/admin/runs")));
        services.verify(0, putRequestedFor(anyUrl()));
    }
}
