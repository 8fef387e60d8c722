package io.wabiz.simulator.chat;

import java.time.Duration;
import java.time.Instant;

import io.wabiz.events.whatsapp.WhatsAppUserIds;

/**
 * A WhatsApp user the simulator plays.
 *
 * @param waId                  the digits of their phone number, or their business-scoped user id when they are
 *                              known by a username only
 * @param reachable             false: sends to this customer are accepted, then fail with 131026
 * @param lastCustomerMessageAt when the customer last wrote (opens the 24-hour window), or null
 */
public record Customer(String waId, String name, boolean reachable, Instant createdAt, Instant lastCustomerMessageAt) {

    public Customer {
        if (waId == null || !(waId.matches("\\d{6,15}") || WhatsAppUserIds.isBusinessScoped(waId))) {
            throw new IllegalArgumentException("a wa_id is 6 to 15 digits (or a business-scoped user id), got: "
                    + waId);
        }
        if (name == null || name.isBlank()) {
            name = "Client " + waId;
        }
    }

    public boolean windowOpen(Instant now, Duration window) {
        return lastCustomerMessageAt != null && lastCustomerMessageAt.plus(window).isAfter(now);
    }

    Customer wrote(Instant at) {
        return new Customer(waId, name, reachable, createdAt, at);
    }

    Customer windowClosed() {
        return new Customer(waId, name, reachable, createdAt, null);
    }

    Customer renamed(String newName, Boolean newReachable) {
        return new Customer(waId, newName == null || newName.isBlank() ? name : newName,
                newReachable == null ? reachable : newReachable, createdAt, lastCustomerMessageAt);
    }
}
