package io.wabiz.simulator.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Customers and their chats, in memory. One lock: a local simulator sees a few hundred messages a
 * second at most. {@link #version()} grows with every change (for the page's polling and for persistence).
 */
public final class ChatStore {

    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, List<ChatMessage>> chats = new HashMap<>();
    private final Map<String, ChatMessage> byWamid = new HashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** Creates the customer, or renames it when it exists. Returns true when it was created. */
    public synchronized boolean upsertCustomer(String waId, String name, Boolean reachable, Instant now) {
        Customer existing = customers.get(waId);
        if (existing == null) {
            customers.put(waId, new Customer(waId, name, reachable == null || reachable, now, null));
            chats.put(waId, new ArrayList<>());
            changed();
            return true;
        }
        customers.put(waId, existing.renamed(name, reachable));
        changed();
        return false;
    }

    public synchronized Customer ensureCustomer(String waId, String name, Instant now) {
        if (!customers.containsKey(waId)) {
            upsertCustomer(waId, name, null, now);
        }
        return customers.get(waId);
    }

    public synchronized Optional<Customer> customer(String waId) {
        return Optional.ofNullable(customers.get(waId));
    }

    public synchronized List<Customer> customers() {
        return List.copyOf(customers.values());
    }

    public synchronized List<ChatMessage> chat(String waId) {
        return List.copyOf(chats.getOrDefault(waId, List.of()));
    }

    public synchronized Optional<ChatMessage> message(String wamid) {
        return Optional.ofNullable(byWamid.get(wamid));
    }

    public synchronized Optional<ChatMessage> lastMessage(String waId) {
        List<ChatMessage> chat = chats.getOrDefault(waId, List.of());
        return chat.isEmpty() ? Optional.empty() : Optional.of(chat.getLast());
    }

    /** Adds a message to its customer's chat (the customer must exist); a customer message opens the window. */
    public synchronized void add(ChatMessage message) {
        Customer customer = customers.get(message.customerWaId());
        if (customer == null) {
            throw new IllegalArgumentException("no customer " + message.customerWaId());
        }
        if (!message.sentByBusiness()) {
            customers.put(customer.waId(), customer.wrote(message.timestamp()));
        }
        chats.get(customer.waId()).add(message);
        byWamid.put(message.wamid(), message);
        changed();
    }

    /** Replaces a message by {@code change(message)}; returns the new message, or empty when unknown. */
    public synchronized Optional<ChatMessage> update(String wamid, UnaryOperator<ChatMessage> change) {
        ChatMessage current = byWamid.get(wamid);
        if (current == null) {
            return Optional.empty();
        }
        ChatMessage updated = change.apply(current);
        if (updated == current) {
            return Optional.of(current);
        }
        byWamid.put(wamid, updated);
        List<ChatMessage> chat = chats.get(current.customerWaId());
        chat.replaceAll(m -> m.wamid().equals(wamid) ? updated : m);
        changed();
        return Optional.of(updated);
    }

    public synchronized Optional<ChatMessage> changeStatus(String wamid, String status, Instant at,
                                                           List<Map<String, Object>> errors) {
        return update(wamid, m -> m.withStatus(status, at, errors));
    }

    public synchronized Optional<ChatMessage> requestRead(String wamid) {
        return update(wamid, m -> m.readRequested() ? m : m.withReadRequested());
    }

    public synchronized Optional<Customer> closeWindow(String waId) {
        Customer customer = customers.get(waId);
        if (customer == null) {
            return Optional.empty();
        }
        customers.put(waId, customer.windowClosed());
        changed();
        return Optional.of(customers.get(waId));
    }

    /** Customers with their latest activity first. */
    public synchronized List<CustomerSummary> summaries(Instant now, java.time.Duration window) {
        return customers.values().stream()
                .map(c -> {
                    List<ChatMessage> chat = chats.getOrDefault(c.waId(), List.of());
                    Instant last = chat.isEmpty() ? c.createdAt() : chat.getLast().timestamp();
                    return new CustomerSummary(c.waId(), c.name(), c.reachable(), c.lastCustomerMessageAt(),
                            c.windowOpen(now, window), chat.size(), last);
                })
                .sorted(Comparator.comparing(CustomerSummary::lastMessageAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public record CustomerSummary(String waId, String name, boolean reachable, Instant lastCustomerMessageAt,
                                  boolean windowOpen, int messageCount, Instant lastMessageAt) {
    }

    public synchronized void clear() {
        customers.clear();
        chats.clear();
        byWamid.clear();
        changed();
    }

    public synchronized Snapshot snapshot() {
        List<ChatMessage> messages = new ArrayList<>();
        customers.keySet().forEach(waId -> messages.addAll(chats.get(waId)));
        return new Snapshot(List.copyOf(customers.values()), messages);
    }

    public synchronized void restore(Snapshot snapshot) {
        clear();
        snapshot.customers().forEach(c -> {
            customers.put(c.waId(), c);
            chats.put(c.waId(), new ArrayList<>());
        });
        snapshot.messages().forEach(m -> {
            if (chats.containsKey(m.customerWaId())) {
                chats.get(m.customerWaId()).add(m);
                byWamid.put(m.wamid(), m);
            }
        });
        changed();
    }

    /** Everything the store holds, for persistence. */
    public record Snapshot(List<Customer> customers, List<ChatMessage> messages) {
        public Snapshot {
            customers = customers == null ? List.of() : List.copyOf(customers);
            messages = messages == null ? List.of() : List.copyOf(messages);
        }
    }

    public long version() {
        return version.get();
    }

    private void changed() {
        version.incrementAndGet();
    }
}
