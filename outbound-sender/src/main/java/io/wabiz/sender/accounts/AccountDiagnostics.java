package io.wabiz.sender.accounts;

import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * "Check the parameters": asks Meta about a configured number (display number, verified name, quality)
 * and its WABA and webhook subscription, and says what is wrong in words a person can act on.
 */
public class AccountDiagnostics {

    static final String PHONE_FIELDS = "display_phone_number,verified_name,quality_rating,"
            + "code_verification_status,platform_type,throughput,name_status";

    private final GraphApiClient graph;
    private final AccountRegistry accounts;

    public AccountDiagnostics(GraphApiClient graph, AccountRegistry accounts) {
        this.graph = graph;
        this.accounts = accounts;
    }

    public Diagnosis diagnose(Account account) {
        List<String> problems = new ArrayList<>();
        String display = null;
        String verifiedName = null;
        String quality = null;
        String throughput = null;
        accounts.pauseOf(account.phoneNumberId()).ifPresent(p -> problems.add("Sending is paused for this number "
                + "since " + p.since() + " (Meta error " + p.errorCode() + ": " + p.reason() + "). Fix the cause, "
                + "then POST /accounts/" + account.phoneNumberId() + "/resume."));

        GraphResult phone = graph.get(account, account.phoneNumberId(), Map.of("fields", PHONE_FIELDS));
        boolean tokenWorks = true;
        switch (phone) {
            case GraphResult.Ok ok -> {
                JsonNode body = ok.body();
                display = text(body, "display_phone_number");
                verifiedName = text(body, "verified_name");
                quality = text(body, "quality_rating");
                throughput = text(body.path("throughput"), "level");
                if ("RED".equalsIgnoreCase(quality)) {
                    problems.add("Quality rating is RED: customers block or report this number's messages. Send "
                            + "fewer, more expected messages, or Meta will lower its messaging limit.");
                } else if ("YELLOW".equalsIgnoreCase(quality)) {
                    problems.add("Quality rating is YELLOW: watch blocks and reports before sending campaigns.");
                }
                String platform = text(body, "platform_type");
                if (platform != null && !"CLOUD_API".equalsIgnoreCase(platform)) {
                    problems.add("The number is not registered on the Cloud API (platform " + platform + "): "
                            + "register it (POST /" + account.phoneNumberId() + "/register) before sending.");
                }
            }
            case GraphResult.Failed failed -> {
                tokenWorks = failed.error().code() != 190;
                problems.add(explainPhoneError(account, failed.error()));
            }
            case GraphResult.Unanswered none -> {
                tokenWorks = false;
                problems.add("Meta did not answer (" + none.reason() + "): check the network and "
                        + "sender.graph-api.base-url.");
            }
        }
        if (tokenWorks) {
            checkWaba(account, problems);
        }
        return new Diagnosis(account.phoneNumberId(), account.wabaId(), account.apiVersion(), problems.isEmpty(),
                display, verifiedName, quality, throughput, List.copyOf(problems));
    }

    private void checkWaba(Account account, List<String> problems) {
        if (account.wabaId() == null || account.wabaId().isBlank()) {
            problems.add("No WABA id is configured (sender.accounts[].waba-id): templates cannot be synced.");
            return;
        }
        GraphResult waba = graph.get(account, account.wabaId(), Map.of("fields", "id,name"));
        if (waba instanceof GraphResult.Failed failed) {
            problems.add("WABA " + account.wabaId() + " cannot be read with this token (" + failed.error().code()
                    + ": " + failed.error().message() + "): check sender.accounts[].waba-id and that the system "
                    + "user is assigned to this WhatsApp Business Account.");
            return;
        }
        GraphResult apps = graph.get(account, account.wabaId() + "/subscribed_apps", Map.of());
        if (apps instanceof GraphResult.Ok ok && ok.body().path("data").isEmpty()) {
            problems.add("No app is subscribed to WABA " + account.wabaId() + "'s webhooks: customer messages "
                    + "and delivery statuses will not arrive. Subscribe the app (POST /" + account.wabaId()
                    + "/subscribed_apps) and set the webhook URL and verify token in the app dashboard.");
        } else if (apps instanceof GraphResult.Failed failed) {
            problems.add("The webhook subscription of WABA " + account.wabaId() + " cannot be read ("
                    + failed.error().code() + ": " + failed.error().message() + ").");
        }
    }

    private static String explainPhoneError(Account account, io.wabiz.sender.graph.GraphResult.GraphError error) {
        return switch (error.code()) {
            case 190 -> "The access token is invalid or expired (" + error.message() + "): generate a new "
                    + "system-user token with whatsapp_business_messaging and whatsapp_business_management "
                    + "permissions and set it in SENDER_ACCOUNTS_<n>_ACCESS_TOKEN.";
            case 100 -> "Meta does not know phone number id " + account.phoneNumberId() + " for this token ("
                    + error.message() + "): check sender.accounts[].phone-number-id (the id, not the display "
                    + "number) and that the token's system user is assigned to its WhatsApp Business Account.";
            case 10, 200 -> "The token lacks a permission (" + error.message() + "): give the system user the "
                    + "whatsapp_business_messaging and whatsapp_business_management permissions.";
            default -> "Meta refused to describe the number (" + error.code() + ": " + error.message() + ").";
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** @param healthy true when nothing needs a person's attention */
    public record Diagnosis(String phoneNumberId, String wabaId, String apiVersion, boolean healthy,
                            String displayPhoneNumber, String verifiedName, String qualityRating,
                            String throughputLevel, List<String> problems) {
    }
}
