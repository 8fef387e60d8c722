package io.wabiz.conversations.send;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wabiz.events.outbound.OutboundContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies and answers of the staff send endpoints. */
public final class SendRequests {

    private SendRequests() {
    }

    /**
     * Send one message to a phone number or to an ERP partner (exactly one of them).
     *
     * @param to               a phone number in any usual form (+221 77 123 45 67, 00221..., 77 123 45 67)
     * @param fallbackTemplate sent instead when the customer's 24-hour window is closed
     */
    public record SendRequest(String to, String partnerId, String businessPhoneNumberId,
                              @NotNull @Schema(description = "what to send; `kind` is text, reply_buttons, list, "
                                      + "cta_url, document, image or template") OutboundContent content,
                              OutboundContent.Template fallbackTemplate) {
    }

    /** Answer a customer's message, quoting it. */
    public record ReplyRequest(@NotNull OutboundContent content, OutboundContent.Template fallbackTemplate) {
    }

    /** The same message to many partners, each as its own command. */
    public record BulkSendRequest(@NotEmpty @Size(max = 1000) List<@NotBlank String> partnerIds,
                                  String businessPhoneNumberId,
                                  @NotNull OutboundContent content, OutboundContent.Template fallbackTemplate) {
    }

    /**
     * A send that was accepted for sending: the message shows as PENDING until the sender's outcome.
     *
     * @param messageId where to follow the message ({@code GET /api/messages/{messageId}}); it becomes the
     *                  wamid once Meta accepted it, and the old id stays findable by {@code idempotencyKey}
     * @param replayed  true when an earlier request with the same Idempotency-Key already asked for it
     */
    public record SendAccepted(String messageId, String commandId, String idempotencyKey, String conversationId,
                               String status, boolean replayed) {
    }

    public record BulkSendReport(int requested, List<BulkSent> sent, List<Unreachable> unreachable) {
    }

    /** What a bulk send would do now: the partners it reaches, and the others with why (nothing is sent). */
    public record BulkSendPreview(int requested, List<String> reachable, List<Unreachable> unreachable) {
    }

    public record BulkSent(String partnerId, String conversationId, String messageId, String commandId,
                           String idempotencyKey) {
    }

    /** A partner the bulk send could not reach, and why. */
    public record Unreachable(String partnerId, SendPolicy.Refusal reason, String explanation) {
    }
}
