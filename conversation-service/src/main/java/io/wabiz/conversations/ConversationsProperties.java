package io.wabiz.conversations;

import io.wabiz.platform.security.StaffSecuritySettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the conversation service can be told, under {@code conversations.*}.
 *
 * @param defaultCountry             ISO 3166 alpha-2 region used to read national phone numbers (ERP, staff input)
 * @param defaultBusinessPhoneNumberId the business number staff sends use when the request names none
 * @param customerWindow             how long free-form messages may reach a customer after their last message
 * @param publishTimeout             how long a staff send waits for Kafka to acknowledge its command
 * @param listenerConcurrency        consumer threads per consumed topic
 * @param optOut                     the keywords customers write to stop or resume non-essential messages
 * @param paging                     page sizes of the staff API
 * @param security                   static bearer tokens (local stack) and JWT claim names
 * @param businessPhoneNumberIds     the business numbers staff may send from, besides the default one; a send
 *                                   naming another is refused (422 UNKNOWN_BUSINESS_NUMBER)
 * @param maxRequestBodySize         larger staff API request bodies are refused with 413 before being read
 */
@ConfigurationProperties("conversations")
public record ConversationsProperties(@DefaultValue("SN") String defaultCountry,
                                      String defaultBusinessPhoneNumberId,
                                      @DefaultValue("24h") Duration customerWindow,
                                      @DefaultValue("10s") Duration publishTimeout,
                                      @DefaultValue("2") int listenerConcurrency,
                                      @DefaultValue OptOut optOut,
                                      @DefaultValue Paging paging,
                                      @DefaultValue StaffSecuritySettings security,
                                      @DefaultValue List<String> businessPhoneNumberIds,
                                      @DefaultValue("64KB") DataSize maxRequestBodySize) {

    /** The business numbers staff may send from: the configured ones and the default one. */
    public Set<String> knownBusinessNumbers() {
        Set<String> known = new LinkedHashSet<>();
        if (defaultBusinessPhoneNumberId != null && !defaultBusinessPhoneNumberId.isBlank()) {
            known.add(defaultBusinessPhoneNumberId);
        }
        businessPhoneNumberIds.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).forEach(known::add);
        return known;
    }

    /**
     * @param stopKeywords  a whole message equal to one of these (case and accents ignored) opts the customer out
     * @param startKeywords a whole message equal to one of these opts the customer back in
     */
    public record OptOut(@DefaultValue({"STOP", "ARRET", "ARRÊT", "DESABONNER", "DÉSABONNER", "UNSUBSCRIBE"})
                         List<String> stopKeywords,
                         @DefaultValue({"START", "REPRENDRE", "SUBSCRIBE"}) List<String> startKeywords) {
    }

    /**
     * @param defaultSize items of a page when the request names no size
     * @param maxSize     the largest page a request may ask for
     */
    public record Paging(@DefaultValue("50") int defaultSize, @DefaultValue("200") int maxSize) {
    }
}
