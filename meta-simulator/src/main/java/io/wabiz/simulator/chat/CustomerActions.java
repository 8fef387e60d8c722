package io.wabiz.simulator.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;

import io.wabiz.simulator.BusinessNumbers;
import io.wabiz.simulator.JsonText;
import io.wabiz.simulator.SimulatorProperties.PhoneNumber;
import io.wabiz.simulator.Wamids;
import io.wabiz.simulator.templates.RenderedTemplate;
import io.wabiz.simulator.webhook.WebhookDelivery;
import io.wabiz.simulator.webhook.WebhookDispatcher;
import io.wabiz.simulator.webhook.WebhookPayloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a customer does on the phone (write, tap a button, pick a list row); each becomes a message
 * in the chat and a signed webhook to the ingress, shaped as Meta sends it.
 */
public final class CustomerActions {

    private final ChatStore store;
    private final BusinessNumbers phones;
    private final WebhookPayloads payloads;
    private final WebhookDispatcher webhooks;
    private final Clock clock;

    public CustomerActions(ChatStore store, BusinessNumbers phones, WebhookPayloads payloads, WebhookDispatcher webhooks,
                           Clock clock) {
        this.store = store;
        this.phones = phones;
        this.payloads = payloads;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** A text message; creates the customer when unknown. */
    public String text(String waId, String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required");
        }
        if (text.length() > 4096) {
            throw new IllegalArgumentException("a WhatsApp text is at most 4096 characters");
        }
        Instant now = clock.instant();
        Customer customer = store.ensureCustomer(waId, name, now);
        PhoneNumber phone = store.lastMessage(waId)
                .flatMap(m -> phones.find(m.phoneNumberId()))
                .orElse(phones.defaultNumber());
        String wamid = Wamids.next();
        store.add(ChatMessage.fromCustomer(wamid, phone.id(), waId, "text", now, null, text, null));
        deliver(phone, customer, wamid, payloads.textMessage(waId, wamid, now, text));
        return wamid;
    }

    /**
     * A tap on a reply button of an interactive message ({@code interactive.button_reply}) or on a
     * template's quick reply ({@code button}).
     *
     * @param buttonId    the interactive button's id, or the template button's payload (or text)
     * @param buttonIndex the button's position, when no id is given
     */
    public String tapButton(String waId, String messageWamid, String buttonId, Integer buttonIndex) {
        ChatMessage business = businessMessage(waId, messageWamid);
        Customer customer = customer(waId);
        PhoneNumber phone = phoneOf(business);
        Instant now = clock.instant();
        String wamid = Wamids.next();
        WebhookPayloads.Context context = new WebhookPayloads.Context(phone.displayDigits(), business.wamid());
        if ("interactive".equals(business.type()) && "button".equals(interactiveType(business))) {
            JsonNode buttons = business.message().path("interactive").path("action").path("buttons");
            JsonNode chosen = null;
            for (int i = 0; i < buttons.size(); i++) {
                JsonNode reply = buttons.get(i).path("reply");
                if ((buttonId != null && buttonId.equals(JsonText.of(reply.path("id"))))
                        || (buttonId == null && buttonIndex != null && buttonIndex == i)) {
                    chosen = reply;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException("message " + messageWamid + " has no button " + describe(buttonId, buttonIndex));
            }
            String id = JsonText.of(chosen.path("id"));
            String title = JsonText.of(chosen.path("title"));
            store.add(ChatMessage.fromCustomer(wamid, phone.id(), waId, "interactive", now, business.wamid(), title,
                    new ChatMessage.Reply(id, title, null)));
            deliver(phone, customer, wamid, payloads.buttonReply(waId, wamid, now, context, id, title));
            return wamid;
        }
        if ("template".equals(business.type()) && business.template() != null) {
            RenderedTemplate.Button chosen = business.template().buttons().stream()
                    .filter(b -> "QUICK_REPLY".equals(b.type()))
                    .filter(b -> buttonId != null
                            ? buttonId.equals(b.payload()) || buttonId.equals(b.text())
                            : buttonIndex != null && buttonIndex == b.index())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("template message " + messageWamid
                            + " has no quick-reply button " + describe(buttonId, buttonIndex)));
            store.add(ChatMessage.fromCustomer(wamid, phone.id(), waId, "button", now, business.wamid(), chosen.text(),
                    new ChatMessage.Reply(chosen.payload(), chosen.text(), null)));
            deliver(phone, customer, wamid, payloads.templateButton(waId, wamid, now, context, chosen.payload(),
                    chosen.text()));
            return wamid;
        }
        throw new IllegalArgumentException("message " + messageWamid + " has no reply buttons");
    }

    /** A row picked in a list message ({@code interactive.list_reply}). */
    public String pickListRow(String waId, String messageWamid, String rowId) {
        ChatMessage business = businessMessage(waId, messageWamid);
        if (!"interactive".equals(business.type()) || !"list".equals(interactiveType(business))) {
            throw new IllegalArgumentException("message " + messageWamid + " is not a list message");
        }
        JsonNode row = null;
        for (JsonNode section : business.message().path("interactive").path("action").path("sections")) {
            for (JsonNode candidate : section.path("rows")) {
                if (rowId != null && rowId.equals(JsonText.of(candidate.path("id")))) {
                    row = candidate;
                }
            }
        }
        if (row == null) {
            throw new IllegalArgumentException("list message " + messageWamid + " has no row " + rowId);
        }
        Customer customer = customer(waId);
        PhoneNumber phone = phoneOf(business);
        Instant now = clock.instant();
        String wamid = Wamids.next();
        String title = JsonText.of(row.path("title"));
        String description = JsonText.of(row.path("description"));
        store.add(ChatMessage.fromCustomer(wamid, phone.id(), waId, "interactive", now, business.wamid(), title,
                new ChatMessage.Reply(rowId, title, description)));
        deliver(phone, customer, wamid, payloads.listReply(waId, wamid, now,
                new WebhookPayloads.Context(phone.displayDigits(), business.wamid()), rowId, title, description));
        return wamid;
    }

    private void deliver(PhoneNumber phone, Customer customer, String wamid, ObjectNode message) {
        webhooks.send(WebhookDelivery.Kind.MESSAGE, wamid, null,
                payloads.customerMessage(phone, customer.waId(), customer.name(), message));
    }

    private Customer customer(String waId) {
        return store.customer(waId).orElseThrow(() -> new NoSuchElementException("no customer " + waId));
    }

    private ChatMessage businessMessage(String waId, String messageWamid) {
        if (messageWamid == null || messageWamid.isBlank()) {
            throw new IllegalArgumentException("messageWamid is required");
        }
        customer(waId);
        return store.message(messageWamid)
                .filter(ChatMessage::sentByBusiness)
                .filter(m -> m.customerWaId().equals(waId))
                .orElseThrow(() -> new NoSuchElementException("no business message " + messageWamid
                        + " in the chat of " + waId));
    }

    private PhoneNumber phoneOf(ChatMessage message) {
        return phones.find(message.phoneNumberId()).orElse(phones.defaultNumber());
    }

    private static String interactiveType(ChatMessage message) {
        return message.message() == null ? null : JsonText.of(message.message().path("interactive").path("type"));
    }

    private static String describe(String buttonId, Integer buttonIndex) {
        return buttonId != null ? "'" + buttonId + "'" : "at index " + buttonIndex;
    }
}
