package io.whalewatch.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.fakes.InMemoryNotificationOutbox;
import io.whalewatch.application.fakes.MutableClock;
import io.whalewatch.application.fakes.RecordingNotifier;
import io.whalewatch.application.port.out.AlertNotifier.DeliveryException;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The durable outbox dispatcher: durable before sending, backoff, giving up, restarts. */
class NotificationServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(5));

    private NotificationService service(RecordingNotifier... notifiers) {
        return new NotificationService(outbox, List.of(notifiers), retry, clock);
    }

    @Test
    void aNotificationIsStoredForEveryAcceptingChannelBeforeAnyAttempt() {
        RecordingNotifier webhook = new RecordingNotifier("webhook", n -> true);
        RecordingNotifier email = new RecordingNotifier("email", n -> n instanceof Notification.AccuracyAlert);
        try (NotificationService s = service(webhook, email)) {
            s.notify(alert("e1"));
            assertThat(outbox.rows).hasSize(2);
            assertThat(webhook.attempts).as("not started: nothing sent yet").isEmpty();
            assertThat(outbox.row("e1", "webhook").delivery().payload()).isEqualTo("{\"event\":\"e1\"}");
            assertThat(outbox.row("e1", "email").delivery().kind()).isEqualTo("accuracy_alert");
            assertThat(s.dispatchDue()).isEqualTo(2);
            assertThat(outbox.row("e1", "webhook").status()).isEqualTo("delivered");
            assertThat(outbox.row("e1", "webhook").attempts()).isEqualTo(1);
            assertThat(s.pending()).isZero();
        }
    }

    @Test
    void retryableFailuresBackOffExponentiallyThenSucceed() {
        RecordingNotifier webhook = new RecordingNotifier("webhook", n -> true)
                .failNext(new DeliveryException("HTTP 503", true), new DeliveryException("timeout", true));
        try (NotificationService s = service(webhook)) {
            s.notify(alert("e1"));
            s.dispatchDue();
            assertThat(outbox.row("e1", "webhook")).satisfies(r -> {
                assertThat(r.status()).isEqualTo("pending");
                assertThat(r.attempts()).isEqualTo(1);
                assertThat(r.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
                assertThat(r.lastError()).isEqualTo("HTTP 503");
            });
            clock.advance(Duration.ofSeconds(4));
            assertThat(s.dispatchDue()).as("not due yet").isZero();
            clock.advance(Duration.ofSeconds(1));
            s.dispatchDue();
            assertThat(outbox.row("e1", "webhook").nextAttemptAt()).isEqualTo(T0.plusSeconds(5 + 10));
            clock.advance(Duration.ofSeconds(10));
            s.dispatchDue();
            assertThat(outbox.row("e1", "webhook").status()).isEqualTo("delivered");
            assertThat(outbox.row("e1", "webhook").attempts()).isEqualTo(3);
            assertThat(webhook.attempts).hasSize(3);
            assertThat(webhook.delivered).containsExactly("e1");
        }
    }

    @Test
    void aNonRetryableFailureOrExhaustedAttemptsMarkTheDeliveryFailed() {
        RecordingNotifier webhook = new RecordingNotifier("webhook", n -> true)
                .failNext(new DeliveryException("HTTP 400", false),
                        new DeliveryException("HTTP 500", true), new DeliveryException("HTTP 500", true), new IllegalStateException("boom"));
        try (NotificationService s = service(webhook)) {
            s.notify(alert("bad-request"));
            s.dispatchDue();
            assertThat(outbox.row("bad-request", "webhook").status()).isEqualTo("failed");
            assertThat(outbox.row("bad-request", "webhook").attempts()).isEqualTo(1);
            s.notify(alert("down"));
            for (int i = 0; i < 3; i++) {
                s.dispatchDue();
                clock.advance(Duration.ofMinutes(1));
            }
            assertThat(outbox.row("down", "webhook")).satisfies(r -> {
                assertThat(r.status()).isEqualTo("failed");
                assertThat(r.attempts()).isEqualTo(3);
                assertThat(r.lastError()).contains("boom");
            });
            assertThat(s.dispatchDue()).isZero();
        }
    }

    @Test
    void aDeliveryQueuedBeforeARestartIsSentExactlyOnceAfterIt() throws Exception {
        RecordingNotifier before = new RecordingNotifier("webhook", n -> true).failNext(new DeliveryException("connection refused", true));
        try (NotificationService first = service(before)) {
            first.notify(alert("queued"));
            first.dispatchDue();                                     // the receiver is down: one failed attempt
            first.notify(alert("never-tried"));                      // and the process stops before trying this one
        }
        clock.advance(Duration.ofSeconds(5));
        RecordingNotifier after = new RecordingNotifier("webhook", n -> true);
        try (NotificationService second = service(after)) {
            second.start();
            long deadline = System.currentTimeMillis() + 5_000;
            while (after.delivered.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(1_200);                                     // at least one more poll: nothing is sent twice
        }
        try (NotificationService third = service(after)) {
            assertThat(third.dispatchDue()).isZero();
        }
        assertThat(after.delivered).containsExactlyInAnyOrder("queued", "never-tried");
        assertThat(outbox.row("queued", "webhook").attempts()).as("attempts count across restarts").isEqualTo(2);
    }

    @Test
    void backoffDoublesAndChannelsMustBeUnique() {
        assertThat(retry.nextAttempt(1, T0)).contains(T0.plusSeconds(5));
        assertThat(retry.nextAttempt(2, T0)).contains(T0.plusSeconds(10));
        assertThat(retry.nextAttempt(3, T0)).isEmpty();
        assertThat(new RetryPolicy(5, Duration.ofSeconds(5)).nextAttempt(4, T0)).contains(T0.plusSeconds(40));
        assertThatThrownBy(() -> service(new RecordingNotifier("x", n -> true), new RecordingNotifier("x", n -> true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Notification alert(String id) {
        return new Notification.AccuracyAlert(id, T0, Notification.Level.WARNING,
                new AccuracyReport(AccuracyWindow.LAST_DAY, new OutcomeCounts(20, 14, 2), 10), 0.75);
    }
}
