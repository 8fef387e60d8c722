package io.wabiz.simulator.chat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.wabiz.simulator.BusinessNumbers;
import io.wabiz.simulator.SimulatorProperties.PhoneNumber;
import io.wabiz.simulator.SimulatorProperties.StatusDelays;
import io.wabiz.simulator.webhook.StatusEvent;
import io.wabiz.simulator.webhook.WebhookDelivery;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;

/**
 * What happens to an accepted business message: {@code sent}, then {@code delivered}, then {@code read}
 * (on its own with auto-read, else when the customer opens the chat), or {@code failed} for a send
 * Meta accepted but could not deliver. Each step updates the chat and sends a status webhook.
 */
public final class StatusFlow {

    private static final Set<String> UNREAD = Set.of("accepted", "sent", "delivered");

    private final ChatStore store;
    private final BusinessNumbers phones;
    private final WebhookPayloads payloads;
    private final WebhookDispatcher webhooks;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final StatusDelays delays;
    private final boolean autoRead;
    private final Map<String, ConversationWindow> conversations = new HashMap<>();

    public StatusFlow(ChatStore store, BusinessNumbers phones, WebhookPayloads payloads, WebhookDispatcher webhooks,
                      ScheduledExecutorService scheduler, Clock clock, StatusDelays delays, boolean autoRead) {
        this.store = store;
        this.phones = phones;
        this.payloads = payloads;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.clock = clock;
        this.delays = delays;
        this.autoRead = autoRead;
    }

    /** Adds the accepted message to its chat and plays its statuses; {@code failure} makes it fail instead. */
    public void accepted(ChatMessage message, StatusEvent.ErrorDetail failure) {
        store.add(message);
        if (failure == null) {
            later(delays.sent(), () -> sent(message.wamid()));
        } else {
            later(delays.sent(), () -> failed(message.wamid(), failure));
        }
    }

    /**
     * The customer read the chat: business messages not yet read become read (at once when delivered,
     * else as soon as they are). Returns the wamids concerned.
     *
     * @param wamid one message, or null for all of the customer's
     */
    public List<String> markRead(String customerWaId, String wamid) {
        List<String> concerned = new ArrayList<>();
        for (ChatMessage message : store.chat(customerWaId)) {
            if (!message.sentByBusiness() || !UNREAD.contains(message.status())
                    || (wamid != null && !wamid.equals(message.wamid()))) {
                continue;
            }
            concerned.add(message.wamid());
            store.requestRead(message.wamid());
            if ("delivered".equals(message.status())) {
                later(Duration.ZERO, () -> read(message.wamid()));
            }
        }
        return concerned;
    }

    public synchronized void forgetConversations() {
        conversations.clear();
    }

    private void sent(String wamid) {
        store.message(wamid).filter(m -> "accepted".equals(m.status())).ifPresent(message -> {
            Instant now = clock.instant();
            ConversationWindow conversation = conversation(message, now);
            store.changeStatus(wamid, "sent", now, null);
            send(message, new StatusEvent(wamid, "sent", now, message.customerWaId(),
                    message.bizOpaqueCallbackData(),
                    new StatusEvent.Conversation(conversation.id(), conversation.expiresAt(), message.category()),
                    message.category(), List.of()));
            later(delays.delivered(), () -> delivered(wamid));
        });
    }

    private void delivered(String wamid) {
        store.message(wamid).filter(m -> "sent".equals(m.status())).ifPresent(message -> {
            Instant now = clock.instant();
            ConversationWindow conversation = conversation(message, now);
            store.changeStatus(wamid, "delivered", now, null);
            send(message, new StatusEvent(wamid, "delivered", now, message.customerWaId(),
                    message.bizOpaqueCallbackData(),
                    new StatusEvent.Conversation(conversation.id(), null, message.category()),
                    message.category(), List.of()));
            boolean readWanted = autoRead || store.message(wamid).map(ChatMessage::readRequested).orElse(false);
            if (readWanted) {
                later(delays.read(), () -> read(wamid));
            }
        });
    }

    private void read(String wamid) {
        store.message(wamid).filter(m -> "delivered".equals(m.status())).ifPresent(message -> {
            Instant now = clock.instant();
            store.changeStatus(wamid, "read", now, null);
            send(message, new StatusEvent(wamid, "read", now, message.customerWaId(),
                    message.bizOpaqueCallbackData(), null, null, List.of()));
        });
    }

    private void failed(String wamid, StatusEvent.ErrorDetail failure) {
        store.message(wamid).filter(m -> "accepted".equals(m.status())).ifPresent(message -> {
            Instant now = clock.instant();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", failure.code());
            error.put("title", failure.title());
            error.put("details", failure.details());
            store.changeStatus(wamid, "failed", now, List.of(error));
            send(message, new StatusEvent(wamid, "failed", now, message.customerWaId(),
                    message.bizOpaqueCallbackData(), null, null, List.of(failure)));
        });
    }

    private void send(ChatMessage message, StatusEvent event) {
        PhoneNumber phone = phones.find(message.phoneNumberId()).orElse(phones.defaultNumber());
        webhooks.send(WebhookDelivery.Kind.STATUS, event.wamid(), event.status(), payloads.status(phone, event));
    }

    /** Meta opens a 24-hour conversation per customer and category with the first delivered message. */
    private synchronized ConversationWindow conversation(ChatMessage message, Instant now) {
        String key = message.phoneNumberId() + ":" + message.customerWaId() + ":" + message.category();
        ConversationWindow current = conversations.get(key);
        if (current == null || !current.expiresAt().isAfter(now)) {
            String id = UUID.nameUUIDFromBytes((key + now).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            current = new ConversationWindow(id, now.plus(Duration.ofHours(24)));
            conversations.put(key, current);
        }
        return current;
    }

    private record ConversationWindow(String id, Instant expiresAt) {
    }

    private void later(Duration delay, Runnable step) {
        try {
            scheduler.schedule(step, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the simulator is stopping: statuses not yet played are dropped, as a phone switched off would
        }
    }
}
