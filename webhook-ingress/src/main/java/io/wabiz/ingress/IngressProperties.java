package io.wabiz.ingress;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The ingress' configuration (prefix {@code ingress}); secrets come from the environment
 * ({@code INGRESS_APP_SECRETS}, {@code INGRESS_VERIFY_TOKEN}).
 *
 * @param appSecrets            Meta app secrets whose HMAC may sign a POST; several for rotation or several apps
 * @param verifyToken           the token Meta echoes in the {@code GET /webhook} subscription handshake
 * @param knownPhoneNumberIds   business phone number ids this platform serves; bodies for others are refused
 * @param maxBodySize           larger bodies get 413 without being read (Meta documents payloads up to 3 MB)
 * @param publishTimeout        how long Kafka may take to acknowledge a body before Meta gets 503; also the
 *                              producer's {@code delivery.timeout.ms}, so nothing answered 503 is written later
 * @param readinessTimeout      how long the readiness check waits for the broker
 */
@ConfigurationProperties("ingress")
public record IngressProperties(List<String> appSecrets, String verifyToken, Set<String> knownPhoneNumberIds,
                                @DefaultValue("3MB") DataSize maxBodySize,
                                @DefaultValue("3s") Duration publishTimeout,
                                @DefaultValue("1s") Duration readinessTimeout) {

    public IngressProperties {
        appSecrets = appSecrets == null ? List.of()
                : appSecrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        knownPhoneNumberIds = knownPhoneNumberIds == null ? Set.of()
                : knownPhoneNumberIds.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (appSecrets.isEmpty()) {
            throw new IllegalArgumentException("ingress.app-secrets (INGRESS_APP_SECRETS) needs at least one Meta app secret");
        }
        if (verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalArgumentException("ingress.verify-token (INGRESS_VERIFY_TOKEN) must be set");
        }
        if (knownPhoneNumberIds.isEmpty()) {
            throw new IllegalArgumentException(
                    "ingress.known-phone-number-ids (INGRESS_KNOWN_PHONE_NUMBER_IDS) needs at least one business phone number id");
        }
        if (publishTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("ingress.publish-timeout must be at least 1s");
        }
    }

    /** Never prints the secrets (this record may end up in a log line or an error message). */
    @Override
    public String toString() {
        return "IngressProperties[appSecrets=" + appSecrets.size() + " configured, verifyToken=***, knownPhoneNumberIds="
                + knownPhoneNumberIds + ", maxBodySize=" + maxBodySize + ", publishTimeout=" + publishTimeout
                + ", readinessTimeout=" + readinessTimeout + "]";
    }
}
