package io.whalewatch.adapter.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import io.whalewatch.application.port.out.ComponentHealth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook notifier against a real HTTP receiver on loopback. */
class WebhookDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:05Z");
    private WebhookReceiver receiver;
    private AlertNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        notifier = new WebhookAlertNotifierProvider().create(
                Fixtures.context(Fixtures.settings(receiver.url("/hooks/whalewatch")), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        notifier.close();
        receiver.close();
    }

    /** The operations guide's verify_webhook: hex HMAC-SHA256 of the payload with the secret, constant-time compare. */
    static boolean verifyWebhook(byte[] payload, String signature, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(payload));
        return signature != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void deliversTheRenderedBytesSignedAsTheGuideVerifies() throws Exception {
        String payload = notifier.render(Fixtures.warning());
        notifier.send("acc-24h-warning-1", payload);

        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received r = receiver.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/hooks/whalewatch");
        assertThat(r.body()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verifyWebhook(r.body(), r.header("X-Webhook-Signature"), Fixtures.SECRET)).isTrue();
        assertThat(r.header("X-Whalewatch-Signature")).isEqualTo("sha256=" + r.header("X-Webhook-Signature"));
        assertThat(r.header("X-Whalewatch-Event-Id")).isEqualTo("acc-24h-warning-1");
        assertThat(r.header("X-Whalewatch-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("User-Agent")).startsWith("whalewatch/");
    }

    @Test
    void v2SignatureBindsTheTimestampToTheBody() throws Exception {
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        WebhookReceiver.Received r = receiver.received().get(0);
        byte[] signed = (r.header("X-Whalewatch-Timestamp") + "." + new String(r.body(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        String v2 = r.header("X-Whalewatch-Signature-V2");
        assertThat(v2).startsWith("sha256=");
        assertThat(verifyWebhook(signed, v2.substring("sha256=".length()), Fixtures.SECRET)).isTrue();
        // A replayed body with a forged fresh timestamp no longer matches.
        byte[] forged = ((NOW.getEpochSecond() + 600) + "." + new String(r.body(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifyWebhook(forged, v2.substring(7), Fixtures.SECRET)).isFalse();
    }

    @Test
    void aTamperedBodyOrWrongSecretFailsVerification() throws Exception {
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        WebhookReceiver.Received r = receiver.received().get(0);
        byte[] tampered = r.body().clone();
        tampered[tampered.length - 2] ^= 1;
        assertThat(verifyWebhook(tampered, r.header("X-Webhook-Signature"), Fixtures.SECRET)).isFalse();
        assertThat(verifyWebhook(r.body(), r.header("X-Webhook-Signature"), "another-secret-0123456789")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void twoHundredsAreDelivered(int status) {
        receiver.answer(status);
        notifier.send("e-1", notifier.render(Fixtures.warning()));
        assertThat(receiver.received()).hasSize(1);
        assertThat(notifier.health().level()).isEqualTo(ComponentHealth.Level.OK);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void throttlingAndServerErrorsAreRetryable(int status) {
        receiver.answer(status);
        assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("HTTP " + status).hasMessageContaining("answer " + status)
                .hasMessageNotContaining("/hooks");
        assertThat(notifier.health().level()).isEqualTo(ComponentHealth.Level.DEGRADED);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422})
    void otherClientErrorsAreNotRetryable(int status) {
        receiver.answer(status);
        assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("HTTP " + status);
    }

    @Test
    void redirectsAreNotFollowedNorRetried() {
        receiver.answer(302);
        receiver.redirectTo(receiver.url("/elsewhere"));
        assertThatThrownBy(() -> notifier.send("e-1", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("HTTP 302");
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path).containsExactly("/hooks/whalewatch");
    }

    @Test
    void aSlowReceiverTimesOutRetryably() {
        receiver.delay(Duration.ofSeconds(3));
        WebhookSettings settings = new WebhookSettings(java.net.URI.create(receiver.url("/slow")),
                Fixtures.SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300), false);
        AlertNotifier fast = new WebhookAlertNotifier(settings, Clock.systemUTC(), "test");
        long started = System.nanoTime();
        assertThatThrownBy(() -> fast.send("e-1", fast.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRefusedConnectionIsRetryable() {
        String url = receiver.url("/gone");
        receiver.close();
        AlertNotifier down = new WebhookAlertNotifierProvider().create(
                Fixtures.context(Fixtures.settings(url), Clock.systemUTC()));
        assertThatThrownBy(() -> down.send("e-1", down.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("http://127.0.0.1:");
    }

    @Test
    void anEventIdNoHeaderCanCarryIsNotRetryable() {
        assertThatThrownBy(() -> notifier.send("bad\nid", notifier.render(Fixtures.warning())))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(receiver.received()).isEmpty();
    }
}
