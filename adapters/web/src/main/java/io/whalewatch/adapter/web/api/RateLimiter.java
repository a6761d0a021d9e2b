package io.whalewatch.adapter.web.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client key: each holds up to {@code burst} requests and refills at
 * {@code perMinute}/60 per second. A refused request learns how many seconds until one token is back
 * ({@code Retry-After}). Buckets of idle clients are forgotten once the map grows past
 * {@link #MAX_CLIENTS}: a full bucket carries no state worth keeping.
 */
final class RateLimiter {
    static final int MAX_CLIENTS = 10_000;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoTime;

    RateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
        this.tokensPerNano = perMinute / 60e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** 0 when the request may proceed, else the seconds (at least 1) to wait. */
    long acquire(String key) {
        if (buckets.size() > MAX_CLIENTS) {
            forgetFullBuckets();
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (b) {
            long now = nanoTime.getAsLong();
            b.tokens = Math.min(burst, b.tokens + (now - b.updated) * tokensPerNano);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            double missing = 1 - b.tokens;
            return Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1e9));
        }
    }

    private void forgetFullBuckets() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(b -> b.tokens + (now - b.updated) * tokensPerNano >= burst);
    }

    /** Mutable state guarded by the bucket's own lock. */
    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
