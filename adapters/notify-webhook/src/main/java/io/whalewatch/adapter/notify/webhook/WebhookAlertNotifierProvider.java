package io.whalewatch.adapter.notify.webhook;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AlertNotifierProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides the signed JSON webhook ("webhook"). Settings: {@code WEBHOOK_URL} (required, http or
 * https), {@code WEBHOOK_SECRET} (required, at least 16 bytes, the HMAC-SHA256 key),
 * {@code WEBHOOK_TIMEOUT_SECONDS} (default 10, 1..300: connect and whole-request timeout) and
 * {@code WEBHOOK_SEND_WHALE_ALERTS} (default false: accuracy alerts only). {@link #create} does
 * no network I/O; the created notifier is thread-safe.
 */
public final class WebhookAlertNotifierProvider implements AlertNotifierProvider {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertNotifierProvider.class);
    private static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    /** Public no-arg constructor for {@link java.util.ServiceLoader}; does no I/O. */
    public WebhookAlertNotifierProvider() {
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public AlertNotifier create(AdapterContext context) {
        WebhookSettings settings = WebhookSettings.from(context.config());
        if ("http".equalsIgnoreCase(settings.url().getScheme()) && !isLoopback(settings.url().getHost())) {
            LOG.warn("WEBHOOK_URL uses plain http to {}: payloads are signed but readable in transit; prefer https",
                    settings.safeTarget());
        }
        LOG.info("webhook notifier: {}", settings);
        return new WebhookAlertNotifier(settings, context.clock(), version());
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    static String version() {
        String v = WebhookAlertNotifierProvider.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK_VERSION : v;
    }
}
