package io.whalewatch.application.service;

import io.whalewatch.application.MonitoringSettings;
import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.DataRetention;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.OutcomeStatistics;
import java.util.List;
import java.util.Objects;

/**
 * What outcome finalisation, accuracy monitoring, notifications and retention need. Public only for
 * the facade in the parent package (this package is not exported).
 */
public record MonitoringPorts(MonitoringSettings settings, OutcomeStatistics statistics, NotificationOutbox outbox,
        DataRetention retention, List<AlertNotifier> notifiers) {
    public MonitoringPorts {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(retention, "retention");
        notifiers = List.copyOf(notifiers);
    }

    /** Monitoring with nothing behind it: zero counts, an in-memory outbox, no purge, only the log channel. */
    public static MonitoringPorts inMemory(MonitoringSettings settings) {
        return new MonitoringPorts(settings, since -> new io.whalewatch.domain.accuracy.OutcomeCounts(0, 0, 0),
                new TransientOutbox(), cutoff -> new DataRetention.Purged(0, 0, 0), List.of());
    }

    /** An outbox that keeps nothing across restarts (external notifiers must not rely on it). */
    public static NotificationOutbox transientOutbox() {
        return new TransientOutbox();
    }
}
