package io.whalewatch.application.service;

import io.whalewatch.application.port.in.GetAccuracyUseCase;
import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.domain.accuracy.AccuracyAlertPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background half of the application: accuracy (use case and monitor thread), the notification
 * dispatcher and maintenance. Nothing runs until {@link #start}; {@link #close} stops it all (before
 * the store and the notifiers close).
 */
final class MonitoringAssembly implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MonitoringAssembly.class.getName());
    private final MonitoringPorts ports;
    private final NotificationService notifications;
    private final AccuracyService accuracy;
    private final AccuracyMonitor monitor;
    private final Maintenance maintenance;
    private final ScheduledExecutorService monitorThread = Threads.scheduler("whalewatch-accuracy");

    MonitoringAssembly(MonitoringPorts ports, Clock clock, PipelineInbox inbox, TrackOutcomesService outcomes) {
        this.ports = ports;
        List<AlertNotifier> channels = new ArrayList<>(ports.notifiers());
        channels.add(0, new LogNotifier());
        this.notifications = new NotificationService(ports.outbox(), channels,
                new RetryPolicy(ports.settings().retryMaxAttempts(), ports.settings().retryDelay()), clock);
        this.accuracy = new AccuracyService(ports.statistics(), clock, ports.settings().minimumSamples());
        this.monitor = new AccuracyMonitor(accuracy, new AccuracyAlertPolicy(ports.settings().thresholds()), notifications, clock);
        this.maintenance = new Maintenance(inbox, outcomes, ports.retention(), ports.settings().retention(), clock,
                ports.settings().dropFinalAfter());
    }

    /** Starts the dispatcher, the monitor (a check right away, then every CHECK_INTERVAL) and maintenance. */
    void start() {
        notifications.start();
        Duration interval = ports.settings().checkInterval();
        monitorThread.execute(() -> {
            try {
                monitor.restore(Duration.ofDays(7).plus(ports.settings().thresholds().cooldown()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not restore accuracy alert state: " + e.getMessage());
            }
        });
        monitorThread.scheduleWithFixedDelay(monitor::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        maintenance.start();
    }

    GetAccuracyUseCase accuracy() {
        return accuracy;
    }

    NotificationService notifications() {
        return notifications;
    }

    /** Whether whale alerts could interest some channel (only external notifiers take them). */
    boolean hasExternalChannels() {
        return !ports.notifiers().isEmpty();
    }

    ComponentHealth health() {
        try {
            return ComponentHealth.ok(notifications.pending() + " pending; channels " + notifications.channels());
        } catch (RuntimeException e) {
            return ComponentHealth.degraded("outbox unreadable: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        Threads.stop(monitorThread);
        maintenance.close();
        notifications.close();
    }
}
