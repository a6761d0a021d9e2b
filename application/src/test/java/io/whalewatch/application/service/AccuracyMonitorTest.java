package io.whalewatch.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.fakes.InMemoryNotificationOutbox;
import io.whalewatch.application.fakes.MutableClock;
import io.whalewatch.application.fakes.RecordingNotifier;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.application.port.out.OutcomeStatistics;
import io.whalewatch.domain.accuracy.AccuracyAlertPolicy;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyThresholds;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor over a scripted store: warning, critical, silence during the cooldown, recovery, restarts. */
class AccuracyMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final RecordingNotifier email = new RecordingNotifier("email", n -> n instanceof Notification.AccuracyAlert);
    private final List<Instant> asked = new ArrayList<>();
    /** accurate of 100 resolved, in every window; below 10 samples when negative */
    private volatile int accurate = 90;

    private final OutcomeStatistics statistics = since -> {
        asked.add(since);
        return accurate < 0 ? new OutcomeCounts(9, 0, 9) : new OutcomeCounts(100, accurate, 100 - accurate);
    };

    private AccuracyMonitor monitor(NotificationService notifications) {
        return new AccuracyMonitor(new AccuracyService(statistics, clock, 10), new AccuracyAlertPolicy(AccuracyThresholds.defaults()),
                notifications, clock);
    }

    private NotificationService notifications() {
        return new NotificationService(outbox, List.of(new LogNotifier(), email), new RetryPolicy(3, Duration.ofSeconds(5)), clock);
    }

    @Test
    void warningThenCriticalThenSilenceDuringTheCooldownThenRecovery() {
        try (NotificationService n = notifications()) {
            AccuracyMonitor m = monitor(n);
            assertThat(m.check()).isEmpty();
            accurate = 74;
            assertThat(levels(m.check())).containsExactly("WARNING 1h", "WARNING 24h", "WARNING 7d");
            clock.advance(Duration.ofMinutes(5));
            accurate = 69;
            assertThat(levels(m.check())).as("a warning does not suppress a critical").containsExactly("CRITICAL 1h", "CRITICAL 24h", "CRITICAL 7d");
            for (int i = 0; i < 11; i++) {
                clock.advance(Duration.ofMinutes(5));
                assertThat(m.check()).as("cooldown").isEmpty();
            }
            clock.advance(Duration.ofMinutes(5));                      // 60 min after the critical one
            assertThat(levels(m.check())).containsExactly("CRITICAL 1h", "CRITICAL 24h", "CRITICAL 7d");
            accurate = 80;
            clock.advance(Duration.ofMinutes(5));
            List<Notification.AccuracyAlert> recovered = m.check();
            assertThat(levels(recovered)).containsExactly("RECOVERED 1h", "RECOVERED 24h", "RECOVERED 7d");
            assertThat(recovered.get(0).threshold()).isEqualTo(0.75);
            assertThat(m.check()).as("one recovery only").isEmpty();
            assertThat(n.dispatchDue()).isEqualTo(24);               // 12 alerts on 2 channels
            assertThat(email.delivered).hasSize(12).first().isEqualTo("accuracy:1h:warning:" + T0.toEpochMilli());
            assertThat(outbox.rows.values()).allSatisfy(r -> assertThat(r.status()).isEqualTo("delivered"));
        }
        assertThat(asked).contains(T0.minus(Duration.ofHours(1)), T0.minus(Duration.ofHours(24)), T0.minus(Duration.ofDays(7)));
    }

    @Test
    void tooFewSamplesRaiseNothing() {
        accurate = -1;
        try (NotificationService n = notifications()) {
            AccuracyMonitor m = monitor(n);
            assertThat(m.check()).isEmpty();
            assertThat(outbox.rows).isEmpty();
        }
    }

    @Test
    void aRestartKeepsTheCooldownAndStillAnnouncesTheRecovery() {
        accurate = 69;
        try (NotificationService n = notifications()) {
            assertThat(monitor(n).check()).hasSize(3);
        }
        clock.advance(Duration.ofMinutes(30));
        try (NotificationService n = notifications()) {
            AccuracyMonitor restarted = monitor(n);
            restarted.restore(Duration.ofDays(7));
            assertThat(restarted.check()).as("still within the cooldown").isEmpty();
            accurate = 90;
            assertThat(levels(restarted.check())).containsExactly("RECOVERED 1h", "RECOVERED 24h", "RECOVERED 7d");
        }
    }

    private static List<String> levels(List<Notification.AccuracyAlert> alerts) {
        return alerts.stream().map(a -> a.level() + " " + a.report().window().label()).toList();
    }

    @Test
    void reportsComeInWindowOrder() {
        List<AccuracyReport> reports = new AccuracyService(statistics, clock, 10).accuracy();
        assertThat(reports).extracting(AccuracyReport::window)
                .containsExactly(AccuracyWindow.LAST_HOUR, AccuracyWindow.LAST_DAY, AccuracyWindow.LAST_WEEK);
        assertThat(reports.get(0).accuracy()).hasValue(0.9);
    }
}
