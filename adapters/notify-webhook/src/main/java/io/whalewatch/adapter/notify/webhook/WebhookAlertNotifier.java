package io.whalewatch.adapter.notify.webhook;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.Notification;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications as signed JSON POSTs. {@link #send} is one attempt: 2xx is delivered;
 * 429, 5xx, timeouts and connection errors are retryable; any other status is not (a retry cannot
 * fix a 400 or 404). Thread-safe; the {@link HttpClient} is shared by all attempts.
 */
final class WebhookAlertNotifier implements AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertNotifier.class);
    private static final int ERROR_BODY_CHARS = 200;

    private final WebhookSettings settings;
    private final WebhookSigner signer;
    private final Clock clock;
    private final HttpClient client;
    private final String userAgent;
    private volatile String lastFailure;

    WebhookAlertNotifier(WebhookSettings settings, Clock clock, String version) {
        this.settings = settings;
        this.signer = new WebhookSigner(settings.secret());
        this.clock = clock;
        this.userAgent = "whalewatch/" + version;
        // HTTP/1.1: no h2c upgrade dance with plain-http receivers; redirects are not followed
        // because a POST silently turned into a GET (302/303) would look delivered but lose the body.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String channel() {
        return "webhook";
    }

    @Override
    public boolean accepts(Notification notification) {
        return notification instanceof Notification.AccuracyAlert || settings.sendWhaleAlerts();
    }

    @Override
    public String render(Notification notification) {
        return WebhookPayloads.render(notification);
    }

    @Override
    public void send(String eventId, String payload) {
        try {
            int status = post(eventId, payload.getBytes(StandardCharsets.UTF_8));
            lastFailure = null;
            LOG.debug("webhook {} delivered to {} (HTTP {})", eventId, settings.safeTarget(), status);
        } catch (DeliveryException e) {
            lastFailure = e.getMessage();
            throw e;
        }
    }

    private int post(String eventId, byte[] body) {
        HttpRequest request;
        try {
            request = request(eventId, body);
        } catch (IllegalArgumentException e) {
            // e.g. a control character in the event id: no header can carry it, no retry can help.
            throw new DeliveryException("webhook request cannot be built: " + e.getMessage(), false, e);
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return check(response);
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("webhook to " + settings.safeTarget() + " timed out after "
                    + settings.timeout().toSeconds() + " s", true, e);
        } catch (IOException e) {
            throw new DeliveryException("webhook to " + settings.safeTarget() + " failed: " + describe(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("webhook to " + settings.safeTarget() + " interrupted", true, e);
        }
    }

    HttpRequest request(String eventId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        String signature = signer.sign(body);
        return HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("X-Whalewatch-Event-Id", eventId)
                .header("X-Whalewatch-Timestamp", Long.toString(timestamp))
                .header("X-Whalewatch-Signature", "sha256=" + signature)
                .header("X-Whalewatch-Signature-V2", "sha256=" + signer.signWithTimestamp(timestamp, body))
                .header("X-Webhook-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private int check(HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        String excerpt = excerpt(response.body());
        if (status >= 200 && status < 300) {
            return status;
        }
        boolean retryable = status == 429 || status >= 500;
        throw new DeliveryException("webhook to " + settings.safeTarget() + " answered HTTP " + status
                + retryAfter(response) + (excerpt.isEmpty() ? "" : ": " + excerpt), retryable);
    }

    private static String retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> " (Retry-After " + v + ")").orElse("");
    }

    /** The start of the receiver's answer, for the outbox's error column; the rest is discarded. */
    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            String text = new String(body.readNBytes(ERROR_BODY_CHARS), StandardCharsets.UTF_8);
            return text.replaceAll("\\s+", " ").strip();
        }
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    @Override
    public ComponentHealth health() {
        String failure = lastFailure;
        return failure == null ? ComponentHealth.ok(channel()) : ComponentHealth.degraded("last attempt failed: " + failure);
    }
}
