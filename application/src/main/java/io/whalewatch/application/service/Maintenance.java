package io.whalewatch.application.service;

import io.whalewatch.application.port.out.DataRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Timed work off the pipeline: once a minute it posts the finalisation of expired provisional drops
 * to the pipeline inbox (the tracker is single-threaded); at start and then daily it deletes data
 * older than the retention period.
 */
final class Maintenance implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Maintenance.class.getName());
    private final ScheduledExecutorService timer = Threads.scheduler("whalewatch-maintenance");
    private final PipelineInbox inbox;
    private final TrackOutcomesService outcomes;
    private final DataRetention retention;
    private final Duration keep;
    private final Clock clock;

    Maintenance(PipelineInbox inbox, TrackOutcomesService outcomes, DataRetention retention, Duration keep, Clock clock) {
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.retention = retention;
        this.keep = keep;
        this.clock = clock;
    }

    void start() {
        // the first finalisation waits a minute so the start-up REST re-check can revive drops first
        timer.scheduleWithFixedDelay(() -> inbox.post(outcomes::finalizeDueDrops), 60, 60, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::purge, 0, 1, TimeUnit.DAYS);
    }

    /** Deletes what is older than the retention period; returns what went. */
    DataRetention.Purged purge() {
        try {
            DataRetention.Purged purged = retention.purgeOlderThan(clock.instant().minus(keep));
            LOG.log(System.Logger.Level.INFO, "retention: deleted {0} predictions, {1} outcomes, {2} notifications older than {3} days",
                    purged.predictions(), purged.outcomes(), purged.notifications(), keep.toDays());
            return purged;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "retention purge failed: " + e.getMessage(), e);
            return new DataRetention.Purged(0, 0, 0);
        }
    }

    @Override
    public void close() {
        Threads.stop(timer);
    }
}
