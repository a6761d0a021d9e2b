package io.whalewatch.adapter.notify.webhook;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The webhook settings, validated. A final class rather than a record so that no generated
 * {@code toString} can ever print the secret.
 */
final class WebhookSettings {
    static final String URL_KEY = "WEBHOOK_URL";
    static final String SECRET_KEY = "WEBHOOK_SECRET";
    static final String TIMEOUT_KEY = "WEBHOOK_TIMEOUT_SECONDS";
    static final String WHALES_KEY = "WEBHOOK_SEND_WHALE_ALERTS";
    static final int MIN_SECRET_BYTES = 16;
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final boolean sendWhaleAlerts;

    WebhookSettings(URI url, byte[] secret, Duration timeout, boolean sendWhaleAlerts) {
        this.url = url;
        this.secret = secret.clone();
        this.timeout = timeout;
        this.sendWhaleAlerts = sendWhaleAlerts;
    }

    static WebhookSettings from(AdapterConfig config) {
        URI url = url(config.require(URL_KEY));
        byte[] secret = secret(config);
        int seconds = config.getInt(TIMEOUT_KEY, DEFAULT_TIMEOUT_SECONDS, 1, 300);
        return new WebhookSettings(url, secret, Duration.ofSeconds(seconds), config.getBoolean(WHALES_KEY, false));
    }

    private static URI url(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new AdapterException(URL_KEY + " must be an absolute http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The URL may embed a token (Slack/Discord style), so the value itself is not repeated.
            throw new AdapterException(URL_KEY + " is not a valid URL: " + e.getReason());
        }
    }

    private static byte[] secret(AdapterConfig config) {
        String value = config.find(SECRET_KEY).orElseThrow(() -> new AdapterException(
                SECRET_KEY + " is required to sign webhooks (generate one with: openssl rand -hex 32)"));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new AdapterException(SECRET_KEY + " is too short: at least " + MIN_SECRET_BYTES
                    + " bytes are required (generate one with: openssl rand -hex 32)");
        }
        return bytes;
    }

    URI url() {
        return url;
    }

    /** Where deliveries go, without path or query (which may carry a token): safe to log. */
    String safeTarget() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    byte[] secret() {
        return secret.clone();
    }

    Duration timeout() {
        return timeout;
    }

    boolean sendWhaleAlerts() {
        return sendWhaleAlerts;
    }

    @Override
    public String toString() {
        return "WebhookSettings[target=" + safeTarget() + ", timeout=" + timeout + ", sendWhaleAlerts=" + sendWhaleAlerts + "]";
    }
}
