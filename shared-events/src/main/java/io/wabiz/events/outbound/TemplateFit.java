package io.wabiz.events.outbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a template send fits the template as synced from Meta: APPROVED, and given the parameters its header
 * and body expect (Meta's distinct count, {@link TemplatePlaceholders}; a media header takes one). What Meta
 * would refuse, said before the send is accepted.
 */
public final class TemplateFit {

    private static final Set<String> MEDIA_HEADERS = Set.of("DOCUMENT", "IMAGE", "VIDEO");

    /** Why a template send does not fit its template. */
    public sealed interface Misfit {
        String explanation();
    }

    /** The template exists but may not be sent: PENDING, REJECTED, PAUSED, DISABLED... */
    public record NotApproved(String template, String status, String rejectedReason) implements Misfit {
        @Override
        public String explanation() {
            return "template " + template + " is " + status
                    + (rejectedReason == null || rejectedReason.isBlank() ? "" : " (" + rejectedReason + ")")
                    + ", not APPROVED";
        }
    }

    /** The send gives another number of parameters than the template's component uses. */
    public record WrongParameterCount(String template, String componentType, int expected, int given)
            implements Misfit {
        @Override
        public String explanation() {
            return "template " + template + " expects " + expected + " " + componentType + " parameter(s), the send"
                    + " gives " + given;
        }
    }

    private TemplateFit() {
    }

    public static Optional<Misfit> of(TemplateSynced template, OutboundContent.Template send) {
        return of(template.key(), template.status(), template.rejectedReason(), template.components(), send);
    }

    /** The same check from a template's parts (a projection that keeps them without the record). */
    public static Optional<Misfit> of(String template, String status, String rejectedReason,
                                      List<TemplateSynced.Component> components, OutboundContent.Template send) {
        if (!"APPROVED".equalsIgnoreCase(status)) {
            return Optional.of(new NotApproved(template, String.valueOf(status), rejectedReason));
        }
        for (String type : List.of("header", "body")) {
            int expected = expectedParameters(components, type);
            int given = send.parameterCount(type);
            if (expected != given) {
                return Optional.of(new WrongParameterCount(template, type, expected, given));
            }
        }
        return Optional.empty();
    }

    private static int expectedParameters(List<TemplateSynced.Component> components, String type) {
        if (type.equals("header") && components.stream().anyMatch(c -> c.type().equalsIgnoreCase("HEADER")
                && c.format() != null && MEDIA_HEADERS.contains(c.format().toUpperCase(Locale.ROOT)))) {
            return 1;
        }
        return components.stream().filter(c -> c.type().equalsIgnoreCase(type))
                .mapToInt(c -> TemplatePlaceholders.count(c.text())).sum();
    }
}
