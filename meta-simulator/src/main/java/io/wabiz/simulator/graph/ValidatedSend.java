package io.wabiz.simulator.graph;

import io.wabiz.simulator.templates.RenderedTemplate;

/**
 * A send that passed Meta's content checks.
 *
 * @param to          the recipient's wa_id (digits), or their business-scoped user id (Meta's {@code recipient})
 * @param text        what the chat shows as the message's text (body, caption, rendered template body)
 * @param downloadUrl documents and images: the link, or the simulator's media URL for an uploaded id
 * @param category    pricing category: the template's category lower-cased, or {@code service}
 */
public record ValidatedSend(String to, String type, boolean freeForm, String text, RenderedTemplate template,
                            String downloadUrl, String category, String bizOpaqueCallbackData, String contextWamid) {
}
