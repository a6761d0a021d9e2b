package io.whalewatch.adapter.web.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.application.port.out.AccessTokens.InvalidTokenException;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validates the claims of a token whose signature is already verified. Messages are client-safe. */
final class JwtClaimsCheck {
    static final String CLIENT_ID = "client_id";
    static final String PERMISSIONS = "permissions";
    private final String issuer;
    private final Clock clock;
    private final Duration skew;

    JwtClaimsCheck(String issuer, Clock clock, Duration skew) {
        this.issuer = issuer;
        this.clock = clock;
        this.skew = skew;
    }

    ClientPrincipal principal(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new InvalidTokenException("token has no expiry (exp)");
        }
        if (!now.minus(skew).isBefore(exp.toInstant())) {
            throw new InvalidTokenException("token expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new InvalidTokenException("token not yet valid");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("token issuer not accepted");
        }
        return new ClientPrincipal(clientId(claims), permissions(claims), exp.toInstant());
    }

    private static String clientId(JWTClaimsSet claims) throws ParseException {
        String id = claims.getStringClaim(CLIENT_ID);
        if (id == null || id.isBlank()) {
            id = claims.getSubject();
        }
        if (id == null || id.isBlank()) {
            throw new InvalidTokenException("token has no client id (client_id/sub)");
        }
        return id;
    }

    private static Set<Permission> permissions(JWTClaimsSet claims) throws ParseException {
        List<String> names = claims.getStringListClaim(PERMISSIONS);
        if (names == null) {
            throw new InvalidTokenException("token has no permissions claim");
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            try {
                permissions.add(Permission.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidTokenException("token has an unknown permission");
            }
        }
        return permissions;
    }
}
