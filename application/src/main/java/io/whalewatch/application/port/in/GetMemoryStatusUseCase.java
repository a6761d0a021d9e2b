package io.whalewatch.application.port.in;

/** The latest memory reading against MEMORY_THRESHOLD_MB / MEMORY_MAX_MB (gauge for /metrics, "memory" in /health). */
public interface GetMemoryStatusUseCase {
    MemoryStatus memory();

    /** NORMAL below the threshold; HIGH above it (caches are shed); CRITICAL above the maximum. */
    enum Pressure { NORMAL, HIGH, CRITICAL }

    /**
     * @param residentBytes RSS, -1 when unknown
     * @param reliefs       how often caches were shed since start
     */
    record MemoryStatus(long residentBytes, long heapUsedBytes, long heapMaxBytes, long thresholdBytes, long maxBytes,
            Pressure pressure, long reliefs) {
    }
}
