package io.wabiz.sender.accounts;

import static io.wabiz.sender.ApiDocs.PROBLEM_JSON;
import static io.wabiz.sender.ApiDocs.PROBLEM_SCHEMA;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The operators' view of the configured numbers: list, diagnose, resume, upload media. */
@RestController
@Tag(name = "accounts", description = "the configured business numbers")
class AccountsController {

    private final AccountRegistry accounts;
    private final AccountDiagnostics diagnostics;
    private final GraphApiClient graph;

    AccountsController(AccountRegistry accounts, AccountDiagnostics diagnostics, GraphApiClient graph) {
        this.accounts = accounts;
        this.diagnostics = diagnostics;
        this.graph = graph;
    }

    @Operation(summary = "The configured numbers (never their tokens) and their pauses")
    @GetMapping("/accounts")
    List<AccountView> list() {
        return accounts.all().stream().map(a -> new AccountView(a.phoneNumberId(), a.wabaId(), a.apiVersion(),
                a.messagesPerSecond(), accounts.pauseOf(a.phoneNumberId()).orElse(null))).toList();
    }

    @Operation(summary = "Meta's view of the number, its WABA and webhook subscription, problems in plain words")
    @ApiResponse(responseCode = "200", description = "the diagnosis (Meta's own errors are among its problems)")
    @ApiResponse(responseCode = "404", description = "no such number is configured",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @GetMapping("/accounts/{phoneNumberId}/diagnostics")
    AccountDiagnostics.Diagnosis diagnose(@PathVariable String phoneNumberId) {
        return diagnostics.diagnose(account(phoneNumberId));
    }

    @Operation(summary = "Lifts the number's pause (after the token was replaced or the policy issue fixed)")
    @ApiResponse(responseCode = "204", description = "resumed (also when it was not paused)")
    @ApiResponse(responseCode = "404", description = "no such number is configured",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping("/accounts/{phoneNumberId}/resume")
    ResponseEntity<Void> resume(@PathVariable String phoneNumberId) {
        accounts.resume(account(phoneNumberId).phoneNumberId());
        return ResponseEntity.noContent().build();
    }

    /** Uploads a file to Meta for later sends by media id. */
    @Operation(summary = "Uploads a file (multipart field 'file') to Meta; answers its media id")
    @ApiResponse(responseCode = "200", description = "uploaded: {\"mediaId\": ...}")
    @ApiResponse(responseCode = "404", description = "no such number is configured",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "502", description = "Meta refused the upload (its code and message in the detail)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "504", description = "Meta did not answer the upload",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping("/accounts/{phoneNumberId}/media")
    Map<String, String> upload(@PathVariable String phoneNumberId, @RequestParam("file") MultipartFile file)
            throws IOException {
        Account account = account(phoneNumberId);
        String type = file.getContentType() == null ? "application/octet-stream" : file.getContentType();
        GraphResult result = graph.uploadMedia(account, file.getBytes(), type,
                file.getOriginalFilename() == null ? "file" : file.getOriginalFilename());
        return switch (result) {
            case GraphResult.Ok ok -> Map.of("mediaId", ok.body().path("id").asString());
            case GraphResult.Failed failed -> throw problem(HttpStatus.BAD_GATEWAY, "Meta refused the upload ("
                    + failed.error().code() + "): " + failed.error().message());
            case GraphResult.Unanswered none -> throw problem(HttpStatus.GATEWAY_TIMEOUT,
                    "Meta did not answer the upload: " + none.reason());
        };
    }

    private Account account(String phoneNumberId) {
        return accounts.find(phoneNumberId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "No business number " + phoneNumberId + " is configured (sender.accounts)"));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    record AccountView(String phoneNumberId, String wabaId, String apiVersion, int messagesPerSecond,
                       AccountRegistry.Pause pause) {
    }
}
