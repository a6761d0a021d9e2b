package io.whalewatch.application;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.time.Duration;

/**
 * How the service rides out a failing store and memory pressure.
 *
 * @param storeRetryBuffer     predictions kept in memory while the store fails (alerted, not yet stored);
 *                             when full the oldest is dropped and counted
 * @param storeRetryInterval   how often the buffered predictions are written again
 * @param memoryThresholdBytes above this the service sheds caches and reports "degraded"
 * @param memoryMaxBytes       above this the service reports "unhealthy"
 * @param memoryCheckInterval  how often memory is read
 * @param recentTxidFloor      relief shrinks the recent-txid dedupe set to this many entries
 * @param trackedFloor         relief keeps this many tracked whales in memory (the rest stay in the store)
 * @param storeWriteInterval   the journalled store writer starts a store transaction at most this often,
 *                             merging what arrived meanwhile (zero: as soon as a batch arrives)
 */
public record ResilienceSettings(int storeRetryBuffer, Duration storeRetryInterval, long memoryThresholdBytes,
        long memoryMaxBytes, Duration memoryCheckInterval, int recentTxidFloor, int trackedFloor,
        Duration storeWriteInterval) {
    private static final long MB = 1024L * 1024L;

    public ResilienceSettings {
        if (storeRetryBuffer < 1 || memoryThresholdBytes > memoryMaxBytes || recentTxidFloor < 0 || trackedFloor < 0
                || storeRetryInterval.isZero() || storeRetryInterval.isNegative()
                || memoryCheckInterval.isZero() || memoryCheckInterval.isNegative() || storeWriteInterval.isNegative()) {
            throw new IllegalArgumentException("invalid resilience settings");
        }
    }

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(10_000, Duration.ofSeconds(5), 400 * MB, 500 * MB, Duration.ofSeconds(5), 20_000, 5_000,
                Duration.ofMillis(250));
    }

    /**
     * Reads STORE_RETRY_BUFFER (10000), STORE_RETRY_INTERVAL_SECONDS (5), MEMORY_THRESHOLD_MB (400),
     * MEMORY_MAX_MB (500), MEMORY_CHECK_INTERVAL_SECONDS (5), MEMORY_RELIEF_TXID_FLOOR (20000) and
     * MEMORY_RELIEF_TRACKED_FLOOR (5000) and STORE_WRITE_INTERVAL_MS (250); invalid values fail naming the setting.
     */
    public static ResilienceSettings from(AdapterConfig c) {
        int threshold = c.getInt("MEMORY_THRESHOLD_MB", 400, 16, 1_000_000);
        int max = c.getInt("MEMORY_MAX_MB", 500, 16, 1_000_000);
        if (threshold > max) {
            throw new AdapterException("MEMORY_THRESHOLD_MB=" + threshold + " must not be above MEMORY_MAX_MB=" + max);
        }
        return new ResilienceSettings(
                c.getInt("STORE_RETRY_BUFFER", 10_000, 1, 10_000_000),
                Duration.ofSeconds(c.getInt("STORE_RETRY_INTERVAL_SECONDS", 5, 1, 3600)),
                threshold * MB, max * MB,
                Duration.ofSeconds(c.getInt("MEMORY_CHECK_INTERVAL_SECONDS", 5, 1, 3600)),
                c.getInt("MEMORY_RELIEF_TXID_FLOOR", 20_000, 0, 10_000_000),
                c.getInt("MEMORY_RELIEF_TRACKED_FLOOR", 5_000, 0, 10_000_000),
                Duration.ofMillis(c.getInt("STORE_WRITE_INTERVAL_MS", 250, 0, 60_000)));
    }
}
