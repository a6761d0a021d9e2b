package io.whalewatch.application.service;

import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.Notification;
import java.util.Locale;

/**
 * The always-enabled "log" channel: writes accuracy alerts to the log. Because it goes through the
 * outbox like any channel, every accuracy alert is recorded (with its delivery state) even when no
 * webhook or email is configured, and the monitor can restore its cooldowns from that record.
 * Whale alerts are not logged here (there are far too many).
 */
final class LogNotifier implements AlertNotifier {
    static final String CHANNEL = "log";
    private static final System.Logger LOG = System.getLogger("io.whalewatch.accuracy");

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean accepts(Notification notification) {
        return notification instanceof Notification.AccuracyAlert;
    }

    @Override
    public String render(Notification notification) {
        Notification.AccuracyAlert a = (Notification.AccuracyAlert) notification;
        var r = a.report();
        return String.format(Locale.ROOT, "accuracy %s over %s: %s (%d accurate of %d resolved, %d dropped; threshold %.2f)",
                a.level(), r.window().label(),
                r.accuracy().isPresent() ? String.format(Locale.ROOT, "%.4f", r.accuracy().getAsDouble()) : "n/a",
                r.counts().accurate(), r.counts().resolved(), r.counts().dropped(), a.threshold());
    }

    @Override
    public void send(String eventId, String payload) {
        LOG.log(payload.startsWith("accuracy RECOVERED") ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                "{0} [{1}]", payload, eventId);
    }
}
