package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.net.URI;
import java.time.Duration;

/**
 * Every setting of the mempool.space source, read once from {@link AdapterConfig}.
 *
 * @param wsUrl             the WebSocket endpoint ({@code MEMPOOL_WS_URL})
 * @param apiUrl            the REST base, without trailing slash ({@code MEMPOOL_API_URL}, derived when unset)
 * @param pingAfter         silence after which an app-level ping is sent
 * @param pongTimeout       how long after the ping the connection may stay silent before it is replaced
 * @param reconnectMin      first reconnect delay (jittered up to twice this)
 * @param reconnectMax      cap of the reconnect delay
 * @param connectTimeout    WebSocket handshake and HTTP connect timeout
 * @param httpTimeout       timeout of one REST request
 * @param httpRetries       how often a rate-limited (or, for enrichment, failed) request is retried
 * @param maxFrameBytes     the largest incoming WebSocket message accepted
 * @param queueFrames       frames buffered between the socket and the pipeline before the socket blocks
 * @param queueBytes        and their total size in bytes before the socket blocks; a larger frame passes alone
 * @param enrichConcurrency parallel REST fetches of transactions whose prevouts are missing
 */
record MempoolSpaceSettings(
        URI wsUrl,
        URI apiUrl,
        Duration pingAfter,
        Duration pongTimeout,
        Duration reconnectMin,
        Duration reconnectMax,
        Duration connectTimeout,
        Duration httpTimeout,
        int httpRetries,
        int maxFrameBytes,
        int queueFrames,
        long queueBytes,
        int enrichConcurrency) {

    static final String DEFAULT_WS_URL = "ws://localhost:8999/api/v1/ws";

    static MempoolSpaceSettings from(AdapterConfig c) {
        URI ws = UpstreamUrls.webSocket(c.get("MEMPOOL_WS_URL", DEFAULT_WS_URL), "MEMPOOL_WS_URL");
        URI api = c.find("MEMPOOL_API_URL").map(v -> UpstreamUrls.rest(v, "MEMPOOL_API_URL"))
                .orElseGet(() -> UpstreamUrls.deriveRest(ws));
        Duration min = Duration.ofMillis(c.getInt("MEMPOOL_RECONNECT_MIN_MS", 2_000, 1, 600_000));
        Duration max = Duration.ofMillis(c.getInt("MEMPOOL_RECONNECT_MAX_MS", 60_000, 1, 3_600_000));
        if (max.compareTo(min) < 0) {
            throw new AdapterException("MEMPOOL_RECONNECT_MAX_MS must be >= MEMPOOL_RECONNECT_MIN_MS");
        }
        return new MempoolSpaceSettings(ws, api,
                positive(c, "MEMPOOL_PING_AFTER_SECONDS", Duration.ofSeconds(30)),
                positive(c, "MEMPOOL_PONG_TIMEOUT_SECONDS", Duration.ofSeconds(5)),
                min, max,
                positive(c, "MEMPOOL_CONNECT_TIMEOUT_SECONDS", Duration.ofSeconds(10)),
                positive(c, "MEMPOOL_HTTP_TIMEOUT_SECONDS", Duration.ofSeconds(10)),
                c.getInt("MEMPOOL_HTTP_RETRIES", 3, 0, 10),
                c.getInt("MEMPOOL_MAX_FRAME_MB", 64, 1, 1_024) * 1024 * 1024,
                // 1: the socket thread reads the next frame while the pipeline handles one, so one waiting
                // frame keeps the pipeline busy; each further ~11 MB resync frame in the queue adds its
                // handling time (30-60 ms) to the latency of the whales behind it and its size to the heap,
                // without adding throughput (BENCHMARKS.md, run I: 1, 2 and 4 alternately)
                c.getInt("MEMPOOL_FRAME_QUEUE", 1, 1, 10_000),
                // 96 MB: a bound by size for deeper queues too; never four 64 MB frames in the unit's 288 MB heap
                c.getInt("MEMPOOL_FRAME_QUEUE_MB", 96, 1, 4_096) * 1024L * 1024L,
                c.getInt("MEMPOOL_ENRICH_CONCURRENCY", 4, 1, 64));
    }

    private static Duration positive(AdapterConfig c, String key, Duration defaultValue) {
        Duration d = c.getSeconds(key, defaultValue);
        if (d.isZero() || d.isNegative()) {
            throw new AdapterException(key + " must be greater than 0 seconds");
        }
        return d;
    }
}
