package io.whalewatch.application.port.out;

import java.time.Instant;

/**
 * Deletes what is older than the retention period. Implemented by the store. Thread-safe; may take
 * a while on a large file, so it is called from a maintenance thread, never the pipeline thread.
 */
public interface DataRetention {
    /**
     * Deletes predictions detected before {@code cutoff} with their outcomes, outcomes determined
     * before it, and delivered or failed notifications created before it (pending ones are kept).
     */
    Purged purgeOlderThan(Instant cutoff);

    /** How many rows went. */
    record Purged(long predictions, long outcomes, long notifications) {
    }
}
