package io.whalewatch.application.service;

import io.whalewatch.application.port.out.DataRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Timed work off the pipeline: once a minute (more often for a short drop horizon) it posts the finalisation of expired provisional drops
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
    private final Duration finalizeEvery;
    private final Clock clock;

    /**
     * {@code dropHorizon} sets how often expired drops are looked for: a quarter of the horizon,
     * between 1 s and 60 s, so that a short horizon (tests, test networks) is honoured within ~25%.
     */
    Maintenance(PipelineInbox inbox, TrackOutcomesService outcomes, DataRetention retention, Duration keep, Clock clock,
            Duration dropHorizon) {
        this.finalizeEvery = Duration.ofMillis(Math.max(1000, Math.min(60_000, dropHorizon.toMillis() / 4)));
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.retention = retention;
        this.keep = keep;
        this.clock = clock;
    }

    void start() {
        // the first finalisation waits one period (a minute by default) so the start-up REST re-check can revive drops first
        long every = finalizeEvery.toMillis();
        timer.scheduleWithFixedDelay(() -> inbox.post(outcomes::finalizeDueDrops), every, every, TimeUnit.MILLISECONDS);
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
