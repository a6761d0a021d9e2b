package io.whalewatch.application.service;

import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.time.Clock;

/**
 * Offers every whale alert to the notifiers (those configured for whale alerts accept it). Attached
 * to the fan-out like any publisher; the outbox write happens on the dispatcher thread, so the
 * pipeline never waits for it. Event id {@code whale:<prediction id>}: stable across redetections.
 */
final class WhaleAlertNotifications implements SignalPublisher {
    private final NotificationService notifications;
    private final Clock clock;

    WhaleAlertNotifications(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void publish(Prediction prediction) {
        notifications.notifyLater(new Notification.WhaleAlert("whale:" + prediction.id().value(), clock.instant(), prediction));
    }

    @Override
    public void publishUpdate(PredictionUpdate update) {
        // operators are told about whales, not about every outcome
    }

    @Override
    public ComponentHealth health() {
        return ComponentHealth.ok("notifications: " + notifications.pending() + " pending");
    }
}
