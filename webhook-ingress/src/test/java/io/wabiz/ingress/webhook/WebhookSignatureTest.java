package io.wabiz.ingress.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.ingress.Fixtures;
import io.wabiz.ingress.webhook.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature(List.of("current-secret", "previous-secret"));
    private final byte[] body = Fixtures.meta("textMessage");

    @Test
    void acceptsABodySignedWithAnyConfiguredSecret() {
        assertThat(signature.verify(WebhookSignature.sign("current-secret", body), body)).isEqualTo(Verdict.VALID);
        assertThat(signature.verify(WebhookSignature.sign("previous-secret", body), body)).isEqualTo(Verdict.VALID);
    }

    @Test
    void matchesMetasKnownSignatureOfAKnownBody() {
        // HMAC-SHA256("It's a Secret to Everybody", "Hello, World!"), the example of GitHub's webhook docs
        // (same scheme and header format as Meta's)
        WebhookSignature github = new WebhookSignature(List.of("It's a Secret to Everybody"));
        byte[] hello = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        assertThat(github.verify("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", hello))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsUpperCaseHexAndSurroundingSpaces() {
        String signed = WebhookSignature.sign("current-secret", body);
        String upper = "sha256=" + signed.substring(7).toUpperCase(Locale.ROOT);
        assertThat(signature.verify(" " + upper + " ", body)).isEqualTo(Verdict.VALID);
    }

    @Test
    void givesTheSameBodyTheSameIdHoweverItsSignatureIsWritten() {
        String signed = WebhookSignature.sign("current-secret", body);
        String upper = " sha256=" + signed.substring(7).toUpperCase(Locale.ROOT) + " ";
        byte[] other = Fixtures.meta("textMessageStatusSent");

        assertThat(WebhookSignature.idOf(upper)).isEqualTo(WebhookSignature.idOf(signed));
        assertThat(WebhookSignature.idOf(WebhookSignature.sign("current-secret", other)))
                .isNotEqualTo(WebhookSignature.idOf(signed));
        assertThat(WebhookSignature.idOf(signed).version()).isEqualTo(8);
        assertThat(WebhookSignature.idOf(signed).variant()).isEqualTo(2);
    }

    @Test
    void rejectsABodyWithOneByteChanged() {
        String signed = WebhookSignature.sign("current-secret", body);
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(signature.verify(signed, tampered)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        assertThat(signature.verify(WebhookSignature.sign("attacker-secret", body), body)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void tellsMissingFromMalformedSignatures() {
        String hex = WebhookSignature.sign("current-secret", body).substring(7);
        assertThat(signature.verify(null, body)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("  ", body)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify(hex, body)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("sha1=" + hex, body)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("sha256=" + hex.substring(2), body)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("sha256=" + "zz" + hex.substring(2), body)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void needsAtLeastOneSecretAndNeverPrintsThem() {
        assertThatThrownBy(() -> new WebhookSignature(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(signature.toString()).doesNotContain("current-secret").contains("2 secrets");
    }
}
