package io.wabiz.simulator.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a status webhook's {@code statuses[]}.
 *
 * @param conversation    null for {@code read} and {@code failed}, as Meta sends them
 * @param pricingCategory null when no pricing block is sent
 */
public record StatusEvent(String wamid, String status, Instant at, String recipientWaId,
                          String bizOpaqueCallbackData, Conversation conversation, String pricingCategory,
                          List<ErrorDetail> errors) {

    public StatusEvent {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** @param expiresAt only on the first {@code sent} status of a conversation, else null */
    public record Conversation(String id, Instant expiresAt, String originType) {
    }

    public record ErrorDetail(int code, String title, String details) {
    }
}
