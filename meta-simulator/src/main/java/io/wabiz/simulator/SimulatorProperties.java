package io.wabiz.simulator;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the simulator plays: the business numbers and templates Meta would know, where the
 * webhooks go and how they are signed. Defaults are the obviously-fake local values.
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(
        @DefaultValue("local-app-secret") String appSecret,
        @DefaultValue("local-access-token") String accessToken,
        @DefaultValue("http://localhost:8081/webhook") String webhookUrl,
        @DefaultValue("true") boolean autoRead,
        @DefaultValue StatusDelays statusDelays,
        @DefaultValue WebhookRetry webhookRetry,
        @DefaultValue("24h") Duration customerWindow,
        @DefaultValue("SYNC") WindowCheck windowCheck,
        String dataDir,
        @DefaultValue("200") int requestLogSize,
        List<PhoneNumber> phoneNumbers,
        List<Template> templates,
        List<Customer> customers) {

    public SimulatorProperties {
        phoneNumbers = phoneNumbers == null || phoneNumbers.isEmpty()
                ? List.of(new PhoneNumber("100000000000001", "+221 33 800 00 01", "Wabiz Local",
                        "200000000000001", "GREEN", 80))
                : List.copyOf(phoneNumbers);
        templates = templates == null ? List.of() : List.copyOf(templates);
        customers = customers == null ? List.of() : List.copyOf(customers);
        if (requestLogSize < 1) {
            throw new IllegalArgumentException("simulator.request-log-size must be at least 1");
        }
    }

    /** Secrets stay out of logs and error messages. */
    @Override
    public String toString() {
        return "SimulatorProperties[webhookUrl=" + webhookUrl + ", autoRead=" + autoRead + ", windowCheck="
                + windowCheck + ", dataDir=" + dataDir + ", phoneNumbers=" + phoneNumbers.size() + ", templates="
                + templates.size() + ", appSecret=****, accessToken=****]";
    }

    /** Delay of each status after the previous step (the accepted send for {@code sent}). */
    public record StatusDelays(@DefaultValue("100ms") Duration sent, @DefaultValue("200ms") Duration delivered,
                               @DefaultValue("300ms") Duration read) {
    }

    public record WebhookRetry(@DefaultValue("5") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff) {
        public WebhookRetry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("simulator.webhook-retry.max-attempts must be at least 1");
            }
        }
    }

    /** SYNC answers 131047 at once; ASYNC accepts then sends a failed status, as Meta really does. */
    public enum WindowCheck { SYNC, ASYNC }

    public record PhoneNumber(String id, String displayPhoneNumber, String verifiedName, String wabaId,
                              @DefaultValue("GREEN") String qualityRating,
                              @DefaultValue("80") int messagesPerSecond) {
        public PhoneNumber {
            if (id == null || id.isBlank() || wabaId == null || wabaId.isBlank()) {
                throw new IllegalArgumentException("simulator.phone-numbers[] need an id and a waba-id");
            }
            if (displayPhoneNumber == null) {
                displayPhoneNumber = id;
            }
            if (verifiedName == null) {
                verifiedName = "Business " + id;
            }
            if (qualityRating == null) {
                qualityRating = "GREEN";
            }
            if (messagesPerSecond < 1) {
                throw new IllegalArgumentException("simulator.phone-numbers[].messages-per-second must be positive");
            }
        }

        /** Meta puts the display number as bare digits in webhooks. */
        public String displayDigits() {
            return displayPhoneNumber.replaceAll("\\D", "");
        }
    }

    /**
     * A message template as registered at Meta.
     *
     * @param headerFormat TEXT (with {@code header}), DOCUMENT or IMAGE (one media parameter), or null for none
     * @param body         text with {@code {{1}}}-style parameters
     */
    public record Template(String name, String language, @DefaultValue("UTILITY") String category,
                           @DefaultValue("APPROVED") String status, String headerFormat, String header,
                           String body, String footer, List<TemplateButton> buttons) {
        public Template {
            if (name == null || name.isBlank() || language == null || language.isBlank() || body == null) {
                throw new IllegalArgumentException("simulator.templates[] need a name, a language and a body");
            }
            if (category == null) {
                category = "UTILITY";
            }
            if (status == null) {
                status = "APPROVED";
            }
            if (headerFormat == null && header != null) {
                headerFormat = "TEXT";
            }
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    /** @param type QUICK_REPLY or URL */
    public record TemplateButton(@DefaultValue("QUICK_REPLY") String type, String text, String url) {
        public TemplateButton {
            if (type == null) {
                type = "QUICK_REPLY";
            }
        }
    }

    public record Customer(String waId, String name) {
    }
}
