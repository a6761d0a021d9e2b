package io.whalewatch.adapter.web.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.whalewatch.application.port.out.AccessTokens;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * HS256-only tokens. Verification pins the algorithm before checking the signature, so "none",
 * HS384/HS512 with the same key and RS/ES public-key confusion are all refused; then
 * {@link JwtClaimsCheck} validates issuer, times (with a small clock-skew allowance, default 30 s,
 * because clients' clocks drift) and the required claims. Thread-safe.
 */
final class JwtAccessTokens implements AccessTokens {
    static final String ISSUER = "whalewatch";
    static final int DEFAULT_SKEW_SECONDS = 30;
    private final MACSigner signer;
    private final MACVerifier verifier;
    private final JwtClaimsCheck check;
    private final Clock clock;

    JwtAccessTokens(byte[] secret, Clock clock, Duration skew) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable HMAC key", e);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.check = new JwtClaimsCheck(ISSUER, clock, skew);
    }

    @Override
    public String issue(String clientId, Set<Permission> permissions, Duration validity) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("client id must not be blank");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(clientId).claim(JwtClaimsCheck.CLIENT_ID, clientId)
                .claim(JwtClaimsCheck.PERMISSIONS, wireNames(permissions))
                .issuer(ISSUER).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity))).jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign token", e);
        }
        return jwt.serialize();
    }

    @Override
    public ClientPrincipal verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("token required");
        }
        SignedJWT jwt = parse(token.trim());
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("unsupported token algorithm; only HS256 is accepted");
        }
        if (!verifySignature(jwt)) {
            throw new InvalidTokenException("invalid token signature");
        }
        try {
            return check.principal(jwt.getJWTClaimsSet());
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed token claims");
        }
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            // Also what an unsigned ("alg":"none") token ends in: it is not a JWS.
            throw new InvalidTokenException("malformed or unsigned token");
        }
    }

    private boolean verifySignature(SignedJWT jwt) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    static List<String> wireNames(Set<Permission> permissions) {
        return permissions.stream().map(Permission::wireName).sorted().toList();
    }
}
