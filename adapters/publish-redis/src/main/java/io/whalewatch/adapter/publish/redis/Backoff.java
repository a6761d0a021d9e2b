package io.whalewatch.adapter.publish.redis;

/** Retry delays: 100 ms doubling up to 5 s, back to 100 ms after a success. */
final class Backoff {
    static final long MIN_MILLIS = 100;
    static final long MAX_MILLIS = 5_000;
    private long next = MIN_MILLIS;

    long nextMillis() {
        long delay = next;
        next = Math.min(MAX_MILLIS, next * 2);
        return delay;
    }

    void reset() {
        next = MIN_MILLIS;
    }
}
