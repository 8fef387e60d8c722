package io.wabiz.simulator.templates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wabiz.events.outbound.TemplatePlaceholders;
import io.wabiz.simulator.SimulatorProperties.Template;
import io.wabiz.simulator.SimulatorProperties.TemplateButton;

/** The message templates Meta knows for the WABA, and how a send fills them in. */
public final class TemplateCatalogue {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

    private final List<Template> templates;

    public TemplateCatalogue(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    public List<Template> all() {
        return templates;
    }

    public Optional<Template> find(String name, String language) {
        return templates.stream()
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .findFirst();
    }

    /** A stable numeric id, as Meta gives every template. */
    public static String id(Template template) {
        UUID uuid = UUID.nameUUIDFromBytes((template.name() + ":" + template.language()).getBytes(StandardCharsets.UTF_8));
        return Long.toString(1_000_000_000_000_000L + Math.floorMod(uuid.getMostSignificantBits(), 8_000_000_000_000_000L));
    }

    /**
     * Header parameters a send must give: the text's distinct placeholders (the platform's one count), or one
     * media for DOCUMENT/IMAGE headers.
     */
    public static int headerParameterCount(Template template) {
        if (template.headerFormat() == null) {
            return 0;
        }
        return "TEXT".equals(template.headerFormat()) ? TemplatePlaceholders.count(template.header()) : 1;
    }

    /**
     * Fills the template in.
     *
     * @param payloads quick-reply payloads given with the send, by button index
     * @param urlSuffixes dynamic URL suffixes given with the send, by button index
     */
    public static RenderedTemplate render(Template template, List<String> headerParameters, String headerMediaLink,
                                          String headerMediaFilename, List<String> bodyParameters,
                                          Map<Integer, String> payloads, Map<Integer, String> urlSuffixes) {
        List<RenderedTemplate.Button> buttons = new ArrayList<>();
        for (int i = 0; i < template.buttons().size(); i++) {
            TemplateButton button = template.buttons().get(i);
            String url = button.url();
            if (url != null && urlSuffixes.containsKey(i)) {
                url = substitute(url, List.of(urlSuffixes.get(i)));
            }
            buttons.add(new RenderedTemplate.Button(i, button.type(), button.text(),
                    "QUICK_REPLY".equals(button.type()) ? payloads.getOrDefault(i, button.text()) : null, url));
        }
        String header = "TEXT".equals(template.headerFormat()) ? substitute(template.header(), headerParameters) : null;
        return new RenderedTemplate(template.name(), template.language(), template.category(), header,
                template.headerFormat(), headerMediaLink, headerMediaFilename,
                substitute(template.body(), bodyParameters), template.footer(), buttons);
    }

    static String substitute(String text, List<String> parameters) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1)) - 1;
            String value = index >= 0 && index < parameters.size() ? parameters.get(index) : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
