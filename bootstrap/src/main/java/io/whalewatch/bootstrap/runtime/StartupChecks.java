package io.whalewatch.bootstrap.runtime;

import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.bootstrap.config.Settings;
import java.nio.charset.StandardCharsets;

/** Refuses to start with settings that would make the service insecure. */
public final class StartupChecks {
    /** The operations guide's example value, which must never reach production. */
    static final String PLACEHOLDER_SECRET = "your-secret-key-here-change-in-production";
    static final int MIN_SECRET_BYTES = 32;

    private StartupChecks() {
    }

    /** {@code serve}, {@code edge} and {@code token} need a real JWT secret: at least 32 bytes, not the guide's placeholder, HS256 only. */
    public static void requireProductionSecret(Settings settings) {
        String secret = settings.get("JWT_SECRET_KEY");
        if (secret == null) {
            throw new AdapterException("JWT_SECRET_KEY is required (generate one with: openssl rand -hex 32)");
        }
        if (PLACEHOLDER_SECRET.equals(secret)) {
            throw new AdapterException("JWT_SECRET_KEY is the operations guide's placeholder; generate one with: openssl rand -hex 32");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new AdapterException("JWT_SECRET_KEY must be at least " + MIN_SECRET_BYTES + " bytes (openssl rand -hex 32)");
        }
        String alg = settings.get("JWT_ALGORITHM");
        if (alg != null && !"HS256".equals(alg)) {
            throw new AdapterException("JWT_ALGORITHM=" + alg + " is not supported; allowed: HS256");
        }
    }
}
