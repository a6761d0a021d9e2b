package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.domain.accuracy.AccuracyAlertDecision;
import io.whalewatch.domain.accuracy.AccuracyAlertKind;
import io.whalewatch.domain.accuracy.AccuracyAlertPolicy;
import io.whalewatch.domain.accuracy.AccuracyAlertState;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks accuracy on its own schedule (it reads the store, never the tracker) and turns the
 * {@link AccuracyAlertPolicy}'s decisions into notifications. The per-window state is rebuilt at
 * start from the recorded alerts, so a restart neither repeats an alert within its cooldown nor
 * forgets to announce a recovery. Event ids are {@code accuracy:<window>:<level>:<epoch ms>}.
 */
final class AccuracyMonitor {
    static final String KIND = "accuracy_alert";
    private static final System.Logger LOG = System.getLogger(AccuracyMonitor.class.getName());
    private final GetAccuracyUseCase accuracy;
    private final AccuracyAlertPolicy policy;
    private final NotificationService notifications;
    private final Clock clock;
    private final Map<AccuracyWindow, AccuracyAlertState> states = new EnumMap<>(AccuracyWindow.class);

    AccuracyMonitor(GetAccuracyUseCase accuracy, AccuracyAlertPolicy policy, NotificationService notifications, Clock clock) {
        this.accuracy = accuracy;
        this.policy = policy;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Replays the accuracy alerts recorded in the last {@code lookBack}, oldest first. */
    synchronized void restore(Duration lookBack) {
        notifications.recorded(KIND, clock.instant().minus(lookBack)).forEach((eventId, at) -> {
            String[] parts = eventId.split(":");
            if (parts.length != 4) {
                return;
            }
            for (AccuracyWindow w : AccuracyWindow.values()) {
                if (w.label().equals(parts[1])) {
                    states.put(w, state(w).afterAlert(AccuracyAlertKind.valueOf(parts[2].toUpperCase(Locale.ROOT)), at));
                }
            }
        });
    }

    /** One check of every window; returns the alerts it raised (already durable in the outbox). */
    synchronized List<Notification.AccuracyAlert> check() {
        Instant now = clock.instant();
        List<Notification.AccuracyAlert> raised = new ArrayList<>();
        for (AccuracyReport report : accuracy.accuracy()) {
            AccuracyAlertDecision d = policy.decide(report, state(report.window()), now);
            if (d.alert().isPresent()) {
                Notification.AccuracyAlert alert = alert(d.alert().get(), report, now);
                notifications.notify(alert); // throws if it cannot be recorded: the state stays, the next check retries
                raised.add(alert);
                LOG.log(System.Logger.Level.WARNING, "accuracy {0} over {1}: {2}", alert.level(), report.window().label(),
                        report.accuracy());
            }
            states.put(report.window(), d.next());
        }
        return raised;
    }

    void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "accuracy check failed: " + e.getMessage(), e);
        }
    }

    private AccuracyAlertState state(AccuracyWindow w) {
        return states.getOrDefault(w, AccuracyAlertState.initial());
    }

    private Notification.AccuracyAlert alert(AccuracyAlertKind kind, AccuracyReport report, Instant now) {
        String id = "accuracy:" + report.window().label() + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + now.toEpochMilli();
        double threshold = kind == AccuracyAlertKind.CRITICAL ? policy.thresholds().critical() : policy.thresholds().warning();
        return new Notification.AccuracyAlert(id, now, Notification.Level.valueOf(kind.name()), report, threshold);
    }
}
