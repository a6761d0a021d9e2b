package io.whalewatch.adapter.web.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.application.port.out.AccessTokens.InvalidTokenException;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.Ports;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final AccessTokens tokens = create(Map.of("JWT_SECRET_KEY", SECRET));

    AccessTokens create(Map<String, String> config) {
        return new JwtAccessTokensProvider().create(new AdapterContext(AdapterConfig.of(config), clock, Ports.none()));
    }

    @Test
    void issuedTokenVerifiesWithItsClaims() throws Exception {
        String token = tokens.issue("desk-1", Set.of(Permission.READ, Permission.WRITE), Duration.ofHours(2));

        ClientPrincipal p = tokens.verify(token);

        assertThat(p.clientId()).isEqualTo("desk-1");
        assertThat(p.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.WRITE);
        assertThat(p.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getSubject()).isEqualTo("desk-1");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("desk-1");
        assertThat(claims.getStringListClaim("permissions")).containsExactly("read", "write");
        assertThat(claims.getIssuer()).isEqualTo("whalewatch");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void refusesAlgNoneCraftedByHand() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"x\",\"client_id\":\"x\",\"permissions\":[\"admin\"],\"iss\":\"whalewatch\",\"exp\":"
                + NOW.plusSeconds(3600).getEpochSecond() + "}");
        assertRefused(header + "." + payload + ".", "unsigned");
        assertRefused(header + "." + payload, "malformed");
    }

    @Test
    void refusesHs384AndHs512EvenWithTheSameKey() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), validClaims().build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            assertRefused(jwt.serialize(), "only HS256");
        }
    }

    @Test
    void refusesPublicKeyAlgorithms() throws Exception {
        var gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), validClaims().build());
        jwt.sign(new RSASSASigner(gen.generateKeyPair().getPrivate()));
        assertRefused(jwt.serialize(), "only HS256");
    }

    @Test
    void refusesAnotherKeysSignatureAndTamperedPayload() throws Exception {
        assertRefused(sign(validClaims(), "another-secret-that-is-long-enough-0123456789"), "signature");
        String[] parts = tokens.issue("desk-1", Set.of(Permission.READ), Duration.ofHours(1)).split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"read\"]", "[\"admin\",\"read\"]"));
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature");
    }

    @Test
    void refusesExpiredBeyondTheSkewButToleratesSmallSkew() throws Exception {
        assertRefused(sign(validClaims().expirationTime(Date.from(NOW.minusSeconds(31)))), "expired");
        assertThat(tokens.verify(sign(validClaims().expirationTime(Date.from(NOW.minusSeconds(10))))).clientId())
                .isEqualTo("desk-1");
    }

    @Test
    void refusesNotYetValid() throws Exception {
        assertRefused(sign(validClaims().notBeforeTime(Date.from(NOW.plusSeconds(120)))), "not yet valid");
        assertThat(tokens.verify(sign(validClaims().notBeforeTime(Date.from(NOW.plusSeconds(20))))).clientId())
                .isEqualTo("desk-1");
    }

    @Test
    void refusesMissingClaimsAndWrongIssuer() throws Exception {
        assertRefused(sign(validClaims().expirationTime(null)), "exp");
        assertRefused(sign(validClaims().claim("permissions", null)), "permissions");
        assertRefused(sign(validClaims().claim("client_id", null).subject(null)), "client id");
        assertRefused(sign(validClaims().issuer("someone-else")), "issuer");
        assertRefused(sign(validClaims().issuer(null)), "issuer");
        assertRefused(sign(validClaims().claim("permissions", List.of("read", "root"))), "permission");
        assertRefused("", "required");
        assertRefused("not.a.jwt", "malformed");
    }

    @Test
    void refusesShortPlaceholderMissingSecretsAndOtherAlgorithms() {
        assertThatThrownBy(() -> create(Map.of("JWT_SECRET_KEY", "short-secret")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("JWT_SECRET_KEY").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> create(Map.of("JWT_SECRET_KEY", JwtSecret.PLACEHOLDER)))
                .isInstanceOf(AdapterException.class).hasMessageContaining("JWT_SECRET_KEY").hasMessageContaining("placeholder");
        assertThatThrownBy(() -> create(Map.of()))
                .isInstanceOf(AdapterException.class).hasMessageContaining("JWT_SECRET_KEY");
        assertThatThrownBy(() -> create(Map.of("JWT_SECRET_KEY", SECRET, "JWT_ALGORITHM", "HS512")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("JWT_ALGORITHM").hasMessageContaining("HS256");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason).hasMessageNotContaining(SECRET);
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder().subject("desk-1").claim("client_id", "desk-1")
                .claim("permissions", List.of("read")).issuer("whalewatch")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private static String sign(JWTClaimsSet.Builder claims) throws Exception {
        return sign(claims, SECRET);
    }

    private static String sign(JWTClaimsSet.Builder claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
