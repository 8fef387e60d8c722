package io.wabiz.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.wabiz.platform.security.StaffSecuritySettings.StaticToken;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class StaffApiSecurityTest {

    private static final KeyPair ISSUER = rsa();
    private static final KeyPair OTHER = rsa();

    private final StaffSecuritySettings settings = new StaffSecuritySettings(
            List.of(new StaticToken("agent-token", "awa", List.of("agent")),
                    new StaticToken("admin-token", "moussa", List.of("ROLE_Admin"))), "roles", "preferred_username");
    private final AuthenticationManager tokens = StaffApiSecurity.tokenAuthentication(settings,
            NimbusJwtDecoder.withPublicKey((RSAPublicKey) ISSUER.getPublic()).build());

    @Test
    void staticTokensStandForTheirUserAndRoles() {
        Authentication agent = tokens.authenticate(new BearerTokenAuthenticationToken("agent-token"));
        assertThat(agent.getName()).isEqualTo("awa");
        assertThat(roles(agent)).containsExactly("ROLE_AGENT");
        assertThat(roles(tokens.authenticate(new BearerTokenAuthenticationToken("admin-token"))))
                .containsExactly("ROLE_ADMIN", "ROLE_AGENT");
    }

    @Test
    void anUnknownOpaqueTokenIsRefused() {
        AuthenticationManager staticOnly = StaffApiSecurity.tokenAuthentication(settings, null);
        assertThatThrownBy(() -> staticOnly.authenticate(new BearerTokenAuthenticationToken("agent-token2")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aJwtOfTheIssuerGivesTheRolesOfItsClaim() throws Exception {
        Authentication user = tokens.authenticate(new BearerTokenAuthenticationToken(signed(ISSUER, List.of("admin"))));
        assertThat(user.getName()).isEqualTo("fatou");
        assertThat(roles(user)).containsExactly("ROLE_ADMIN", "ROLE_AGENT");
    }

    @Test
    void refusesAJwtSignedWithAnotherKey() throws Exception {
        String forged = signed(OTHER, List.of("admin"));
        assertThatThrownBy(() -> tokens.authenticate(new BearerTokenAuthenticationToken(forged)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void refusesAnUnsignedJwtWithAlgNone() {
        String unsigned = new PlainJWT(claims(List.of("admin"))).serialize();
        assertThat(unsigned).endsWith(".");
        assertThatThrownBy(() -> tokens.authenticate(new BearerTokenAuthenticationToken(unsigned)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void unknownRolesGrantNothing() {
        assertThat(StaffRoles.authorities(List.of("superuser", " agent "))).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_AGENT");
        assertThat(StaffRoles.authorities(null)).isEmpty();
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static String signed(KeyPair key, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(roles));
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(List<String> roles) {
        return new JWTClaimsSet.Builder().subject("user-7").claim("preferred_username", "fatou").claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
