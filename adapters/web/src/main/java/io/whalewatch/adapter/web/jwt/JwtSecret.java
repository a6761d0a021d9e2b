package io.whalewatch.adapter.web.jwt;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The HMAC key read from {@code JWT_SECRET_KEY}. The key is the UTF-8 bytes of the setting (so the
 * guide's {@code openssl rand -hex 32} gives a 64-byte key). Refuses keys shorter than 32 bytes
 * (RFC 7518 §3.2 asks for at least the hash size for HS256) and the guide's placeholder, which
 * anyone can read. Never prints the value.
 */
final class JwtSecret {
    static final String KEY = "JWT_SECRET_KEY";
    static final String ALGORITHM_KEY = "JWT_ALGORITHM";
    static final String PLACEHOLDER = "your-secret-key-here-change-in-production";
    static final int MIN_BYTES = 32;

    private JwtSecret() {
    }

    /** The validated key bytes from the configuration. */
    static byte[] from(AdapterConfig config) {
        String algorithm = config.get(ALGORITHM_KEY, "HS256");
        if (!"HS256".equals(algorithm)) {
            throw new AdapterException(ALGORITHM_KEY + "=" + algorithm + " is not supported; allowed: HS256");
        }
        return validate(config.find(KEY).orElseThrow(
                () -> new AdapterException(KEY + " is required but not set (generate one with: openssl rand -hex 32)")));
    }

    static byte[] validate(String secret) {
        if (secret.trim().equals(PLACEHOLDER)) {
            throw new AdapterException(KEY + " is still the documentation placeholder; generate one with: openssl rand -hex 32");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new AdapterException(KEY + " is too short: at least " + MIN_BYTES
                    + " bytes are required for HS256 (generate one with: openssl rand -hex 32)");
        }
        return bytes;
    }
}
