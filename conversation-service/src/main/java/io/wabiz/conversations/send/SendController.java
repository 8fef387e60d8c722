package io.wabiz.conversations.send;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wabiz.conversations.send.SendPolicy.Refusal;
import io.wabiz.conversations.send.SendRequests.BulkSendPreview;
import io.wabiz.conversations.send.SendRequests.BulkSendReport;
import io.wabiz.conversations.send.SendRequests.BulkSendRequest;
import io.wabiz.conversations.send.SendRequests.ReplyRequest;
import io.wabiz.conversations.send.SendRequests.SendAccepted;
import io.wabiz.conversations.send.SendRequests.SendRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff sends. Each answers 202 as soon as the command is on Kafka; the message then shows as PENDING
 * and moves on with the sender's outcome and Meta's statuses. Repeating a request with the same
 * {@code Idempotency-Key} header never sends twice. A {@link SendRefused} becomes its problem details here.
 */
@RestController
@Tag(name = "Sending", description = "Send, reply and bulk-send as a staff member")
public class SendController {

    private static final String KEY_HEADER = "Idempotency-Key";

    private final StaffSender sender;

    public SendController(StaffSender sender) {
        this.sender = sender;
    }

    @PostMapping("/api/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a message to a phone number or an ERP partner")
    public SendAccepted send(@Valid @RequestBody SendRequest request, Principal user,
                             @Parameter(description = "makes retries safe: the same key never sends twice")
                             @RequestHeader(name = KEY_HEADER, required = false) String idempotencyKey) {
        return sender.send(request, user.getName(), idempotencyKey);
    }

    @PostMapping("/api/messages/{messageId}/reply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reply to a customer's message, quoting it (allowed even if the customer opted out)")
    public SendAccepted reply(@PathVariable String messageId, @Valid @RequestBody ReplyRequest request,
                              Principal user, @RequestHeader(name = KEY_HEADER, required = false) String idempotencyKey) {
        return sender.reply(messageId, request, user.getName(), idempotencyKey);
    }

    @PostMapping("/api/bulk-sends")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the same message to many ERP partners (admin): one command each, and a report"
            + " of who could not be reached and why")
    public BulkSendReport bulkSend(@Valid @RequestBody BulkSendRequest request, Principal user,
                                   @RequestHeader(name = KEY_HEADER, required = false) String idempotencyKey) {
        return sender.bulkSend(request, user.getName(), idempotencyKey);
    }

    @PostMapping("/api/bulk-sends/preview")
    @Operation(summary = "What a bulk send would do now (admin): who it reaches, who not and why; sends nothing")
    public BulkSendPreview bulkPreview(@Valid @RequestBody BulkSendRequest request) {
        return sender.bulkPreview(request);
    }

    @ExceptionHandler(SendRefused.class)
    ResponseEntity<ProblemDetail> refused(SendRefused refused) {
        ProblemDetail problem = switch (refused) {
            case SendRefused.InvalidRequest invalid -> problem(HttpStatus.BAD_REQUEST, "Invalid request", invalid);
            case SendRefused.MessageNotFound missing -> problem(HttpStatus.NOT_FOUND, "Message not found", missing);
            case SendRefused.NotACustomerMessage notCustomer ->
                    problem(HttpStatus.UNPROCESSABLE_CONTENT, "Not a customer message", notCustomer);
            case SendRefused.Unreachable unreachable -> {
                HttpStatus status = unreachable.refusal() == Refusal.UNKNOWN_PARTNER ? HttpStatus.NOT_FOUND
                        : HttpStatus.UNPROCESSABLE_CONTENT;
                ProblemDetail body = problem(status, "Customer cannot be reached", unreachable);
                body.setProperty("reason", unreachable.refusal().name());
                yield body;
            }
            case SendRefused.KeyReused reused -> {
                ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused", reused);
                body.setProperty("conflicts", reused.conflicts());
                yield body;
            }
            case SendRefused.UnknownBusinessNumber unknown -> {
                ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown business number", unknown);
                body.setProperty("reason", "UNKNOWN_BUSINESS_NUMBER");
                yield body;
            }
            case SendRefused.TemplateRefused template -> {
                ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Template cannot be sent", template);
                body.setProperty("reason", template.reason().name());
                if (template.templateStatus() != null) {
                    body.setProperty("templateStatus", template.templateStatus());
                }
                yield body;
            }
            case SendRefused.NotQueued notQueued -> problem(HttpStatus.SERVICE_UNAVAILABLE, "Message not sent", notQueued);
        };
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, SendRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
