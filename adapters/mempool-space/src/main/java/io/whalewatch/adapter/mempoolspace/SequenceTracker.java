package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.MempoolListener.ResyncReason;
import java.util.Optional;

/**
 * Follows mempool.space's server-wide {@code sequence}: +1 is normal, an equal value means the
 * backend is resyncing (frames repeat it; not a gap), a jump means frames were lost, a lower
 * value means the backend restarted (it counts from 0 again). Pipeline thread only.
 */
final class SequenceTracker {
    private long last = -1;

    /** Forgets the last value (after a reconnect, when the next one cannot be predicted). */
    void reset() {
        last = -1;
    }

    Optional<ResyncReason> observe(long sequence) {
        long previous = last;
        last = sequence;
        if (previous < 0 || sequence == previous || sequence == previous + 1) {
            return Optional.empty();
        }
        return Optional.of(sequence > previous ? ResyncReason.SEQUENCE_GAP : ResyncReason.UPSTREAM_RESTART);
    }
}
