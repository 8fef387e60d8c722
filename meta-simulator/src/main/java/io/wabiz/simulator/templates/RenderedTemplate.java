package io.wabiz.simulator.templates;

import java.util.List;

/**
 * A template as the customer sees it: the configured texts with the sent parameters substituted.
 *
 * @param headerMediaLink for DOCUMENT / IMAGE headers: the link (or media download URL) of the sent media
 */
public record RenderedTemplate(String name, String language, String category, String header,
                               String headerFormat, String headerMediaLink, String headerMediaFilename,
                               String body, String footer, List<Button> buttons) {

    public RenderedTemplate {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** @param payload what a tap sends back: the payload given with the send, else the button text */
    public record Button(int index, String type, String text, String payload, String url) {
    }
}
