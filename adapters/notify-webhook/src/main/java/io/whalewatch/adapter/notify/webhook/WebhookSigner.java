package io.whalewatch.adapter.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures as lower-case hex.
 *
 * <p>v1 signs the body alone (what the operations guide's {@code verify_webhook} checks);
 * v2 signs {@code "<unix seconds>." + body}, binding the timestamp so a captured request cannot be
 * replayed later with a fresh timestamp header. Thread-safe: a new {@link Mac} per call (cheap,
 * and {@code Mac} itself is not thread-safe).
 */
final class WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    WebhookSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Hex HMAC-SHA256 of the exact body bytes. */
    String sign(byte[] body) {
        return HexFormat.of().formatHex(mac().doFinal(body));
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    String signWithTimestamp(long unixSeconds, byte[] body) {
        Mac mac = mac();
        mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE platform must provide HmacSHA256, so this is a broken JDK.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
