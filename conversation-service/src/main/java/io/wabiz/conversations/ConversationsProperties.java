package io.wabiz.conversations;

import java.time.Duration;
import java.util.List;
import io.wabiz.platform.security.StaffSecuritySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
 */
@ConfigurationProperties("conversations")
public record ConversationsProperties(@DefaultValue("SN") String defaultCountry,
                                      String defaultBusinessPhoneNumberId,
                                      @DefaultValue("24h") Duration customerWindow,
                                      @DefaultValue("10s") Duration publishTimeout,
                                      @DefaultValue("2") int listenerConcurrency,
                                      @DefaultValue OptOut optOut,
                                      @DefaultValue Paging paging,
                                      @DefaultValue StaffSecuritySettings security) {

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
