package io.whalewatch.adapter.mempoolspace;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Jittered exponential backoff: attempt n waits a random time in
 * [min·2ⁿ, min·2ⁿ⁺¹], capped at max (the floor at three quarters of max so that clients
 * restarted together still spread out).
 */
final class ReconnectBackoff {
    private final long minMillis;
    private final long maxMillis;

    ReconnectBackoff(Duration min, Duration max) {
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
    }

    Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 30);
        long floor = Math.min(saturatedShift(minMillis, shift), maxMillis * 3 / 4);
        long ceiling = Math.min(saturatedShift(minMillis, shift + 1), maxMillis);
        floor = Math.min(Math.max(floor, 1), ceiling);
        long millis = floor >= ceiling ? ceiling : ThreadLocalRandom.current().nextLong(floor, ceiling + 1);
        return Duration.ofMillis(millis);
    }

    private static long saturatedShift(long value, int shift) {
        return value > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : value << shift;
    }
}
