package io.whalewatch.adapter.notify.webhook;

import io.whalewatch.application.port.out.Notification;
import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.Level;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import io.whalewatch.testkit.Predictions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Notifications and configurations for the webhook tests. */
final class Fixtures {
    static final String SECRET = "test-secret-0123456789abcdef";
    static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");

    private Fixtures() {
    }

    /** 29 of 40 accurate (72.5 %), 4 dropped (10 %), over 24 h, below a 0.75 threshold. */
    static AccuracyAlert warning() {
        AccuracyReport report = new AccuracyReport(AccuracyWindow.LAST_DAY, new OutcomeCounts(40, 29, 4), 20);
        return new AccuracyAlert("acc-24h-warning-1", AT, Level.WARNING, report, 0.75);
    }

    static Notification.WhaleAlert whale() {
        return new Notification.WhaleAlert("whale-7", AT, Predictions.inflow(7, 150.0));
    }

    static AdapterContext context(Map<String, String> settings, Clock clock) {
        return new AdapterContext(AdapterConfig.of(settings), clock, Ports.none());
    }

    static Map<String, String> settings(String url) {
        Map<String, String> m = new HashMap<>();
        m.put("WEBHOOK_URL", url);
        m.put("WEBHOOK_SECRET", SECRET);
        return m;
    }
}
