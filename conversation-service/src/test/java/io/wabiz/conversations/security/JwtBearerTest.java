package io.wabiz.conversations.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.wabiz.conversations.ServiceTest;
import io.wabiz.testsupport.TestHttp.Answer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production mode: JWTs signed by the identity provider, roles from the {@code roles} claim. */
class JwtBearerTest extends ServiceTest {

    @Test
    void aSignedJwtWithTheAgentRoleReadsAndSendsAsItsUser() {
        String token = jwt("amadou", List.of("agent"), Instant.now().plus(Duration.ofMinutes(5)));
        assertThat(get("/api/conversations", token).status()).isEqualTo(200);
        assertThat(call("PUT", "/api/contacts/221770000002/opt-out", token, null, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aSignedJwtWithTheAdminRoleMayOverrideOptOutsAndIsNamedInTheRecord() {
        String token = jwt("fatou", List.of("admin"), Instant.now().plus(Duration.ofMinutes(5)));
        Answer answer = call("PUT", "/api/contacts/221770000003/opt-out", token, null, Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("optOutChangedBy").asString()).isEqualTo("fatou");
    }

    @Test
    void expiredOrRolelessJwtsAreRefused() {
        assertThat(get("/api/conversations", jwt("old", List.of("agent"), Instant.now().minus(Duration.ofHours(1))))
                .status()).isEqualTo(401);
        assertThat(get("/api/conversations", jwt("nobody", List.of(), Instant.now().plus(Duration.ofMinutes(5))))
                .status()).isEqualTo(403);
    }

    private static String jwt(String user, List<String> roles, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("id-" + user).claim("preferred_username", user)
                    .claim("roles", roles).issueTime(Date.from(expires.minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(privateKey()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() throws Exception {
        try (InputStream pem = JwtBearerTest.class.getResourceAsStream("/test-jwt-private.pem")) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
    }
}
