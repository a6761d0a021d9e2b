package io.whalewatch.adapter.notify.email.probe;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.Level;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AlertNotifierProvider;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Run in a child JVM with the adapter and Jakarta Mail/Angus on the module path: finds the "email"
 * provider through ServiceLoader and sends one warning to 127.0.0.1:{@code args[0]}. Prints where
 * the SMTP transport class came from, so the test can see it was Angus as a named module.
 */
public final class ModulePathProbe {
    private ModulePathProbe() {
    }

    public static void main(String[] args) throws Exception {
        AlertNotifierProvider provider = ServiceLoader.load(AlertNotifierProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("email")).findFirst().orElseThrow();
        System.out.println("provider module: " + provider.getClass().getModule().getName());
        AlertNotifier notifier = provider.create(new AdapterContext(AdapterConfig.of(Map.of(
                "SMTP_SERVER", "127.0.0.1", "SMTP_PORT", args[0], "ALERT_EMAIL_TO", "ops@example.com",
                "ALERT_EMAIL_FROM", "whalewatch@example.org", "SMTP_TIMEOUT_SECONDS", "5")), Clock.systemUTC(), Ports.none()));
        AccuracyReport report = new AccuracyReport(AccuracyWindow.LAST_DAY, new OutcomeCounts(40, 29, 4), 20);
        AccuracyAlert alert = new AccuracyAlert("module-path-1", Instant.parse("2026-11-22T12:00:00Z"), Level.WARNING, report, 0.75);
        notifier.send(alert.eventId(), notifier.render(alert));
        Class<?> transport = Class.forName("org.eclipse.angus.mail.smtp.SMTPTransport");
        System.out.println("transport module: " + transport.getModule().getName());
        System.out.println("sent");
    }
}
