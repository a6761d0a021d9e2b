package io.whalewatch.adapter.web.jwt;

import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.spi.AccessTokensProvider;
import io.whalewatch.application.spi.AdapterContext;

/**
 * Provides HS256 JSON Web Tokens ("jwt"). Settings: {@code JWT_SECRET_KEY} (required, at least
 * 32 bytes, not the documentation placeholder), {@code JWT_ALGORITHM} (only HS256 accepted),
 * {@code JWT_CLOCK_SKEW_SECONDS} (default 30, 0..300).
 */
public final class JwtAccessTokensProvider implements AccessTokensProvider {
    /** Public no-arg constructor for {@link java.util.ServiceLoader}; does no I/O. */
    public JwtAccessTokensProvider() {
    }

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public AccessTokens create(AdapterContext context) {
        byte[] secret = JwtSecret.from(context.config());
        int skew = context.config().getInt("JWT_CLOCK_SKEW_SECONDS", JwtAccessTokens.DEFAULT_SKEW_SECONDS, 0, 300);
        return new JwtAccessTokens(secret, context.clock(), java.time.Duration.ofSeconds(skew));
    }
}
