package io.whalewatch.adapter.notify.email;

import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.Level;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Alerts, settings and contexts for the email tests. */
final class Fixtures {
    static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:03Z"), ZoneOffset.UTC);
    static final String USER = "alerts";
    static final String PASSWORD = "correct-horse-battery";

    private Fixtures() {
    }

    /** 29 of 40 accurate (72.5 %), 4 dropped (10.0 %) over 24 h, below the 75 % warning threshold. */
    static AccuracyAlert warning() {
        return alert("acc-24h-warning-1", Level.WARNING, AccuracyWindow.LAST_DAY, new OutcomeCounts(40, 29, 4), 0.75);
    }

    /** 34 of 50 accurate (68.0 %), 9 dropped (18.0 %) over 24 h, below the 70 % critical threshold. */
    static AccuracyAlert critical() {
        return alert("acc-24h-critical-2", Level.CRITICAL, AccuracyWindow.LAST_DAY, new OutcomeCounts(50, 34, 9), 0.70);
    }

    /** 39 of 50 accurate (78.0 %) over 1 h, back above the 75 % warning threshold. */
    static AccuracyAlert recovered() {
        return alert("acc-1h-recovered-3", Level.RECOVERED, AccuracyWindow.LAST_HOUR, new OutcomeCounts(50, 39, 2), 0.75);
    }

    static AccuracyAlert alert(String id, Level level, AccuracyWindow window, OutcomeCounts counts, double threshold) {
        return new AccuracyAlert(id, AT, level, new AccuracyReport(window, counts, 20), threshold);
    }

    static Map<String, String> settings(int port) {
        Map<String, String> m = new HashMap<>();
        m.put("SMTP_SERVER", "127.0.0.1");
        m.put("SMTP_PORT", Integer.toString(port));
        m.put("SMTP_USERNAME", USER);
        m.put("SMTP_PASSWORD", PASSWORD);
        m.put("ALERT_EMAIL_TO", "ops@example.com");
        m.put("ALERT_EMAIL_FROM", "whalewatch@example.org");
        m.put("SMTP_TIMEOUT_SECONDS", "2");
        return m;
    }

    static AdapterContext context(Map<String, String> settings) {
        return new AdapterContext(AdapterConfig.of(settings), CLOCK, Ports.none());
    }

    /** A loopback port nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
