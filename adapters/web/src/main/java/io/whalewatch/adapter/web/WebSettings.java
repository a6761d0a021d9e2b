package io.whalewatch.adapter.web;

import io.whalewatch.application.spi.AdapterConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The web adapter's settings, read once from the configuration. Keys and defaults:
 * {@code BROADCASTER_HOST} 0.0.0.0, {@code BROADCASTER_PORT} 8765, {@code API_HOST} 0.0.0.0,
 * {@code API_PORT} 8001 (0 = any free port for both), {@code WS_AUTH_TIMEOUT_SECONDS} 5,
 * {@code WS_MAX_MESSAGES_PER_SECOND} 20, {@code WS_SEND_QUEUE_MAX} 1000 messages,
 * {@code WS_MAX_MESSAGE_BYTES} 65536, {@code WS_REPLAY_PAGE_SIZE} 500, {@code WS_MAX_CONNECTIONS} 10000,
 * {@code WEB_PORTS_FILE} unset.
 */
record WebSettings(
        String broadcasterHost,
        int broadcasterPort,
        String apiHost,
        int apiPort,
        Duration authTimeout,
        int maxMessagesPerSecond,
        int sendQueueMax,
        int maxMessageBytes,
        int replayPageSize,
        int maxConnections,
        Optional<Path> portsFile) {

    static WebSettings from(AdapterConfig c) {
        return new WebSettings(
                c.get("BROADCASTER_HOST", "0.0.0.0"),
                c.getInt("BROADCASTER_PORT", 8765, 0, 65_535),
                c.get("API_HOST", "0.0.0.0"),
                c.getInt("API_PORT", 8001, 0, 65_535),
                Duration.ofSeconds(c.getInt("WS_AUTH_TIMEOUT_SECONDS", 5, 1, 300)),
                c.getInt("WS_MAX_MESSAGES_PER_SECOND", 20, 1, 10_000),
                c.getInt("WS_SEND_QUEUE_MAX", 1000, 2, 1_000_000),
                c.getInt("WS_MAX_MESSAGE_BYTES", 65_536, 256, 16 * 1024 * 1024),
                c.getInt("WS_REPLAY_PAGE_SIZE", 500, 1, 10_000),
                // 10,000: what the memory ceiling was measured with (RSS 494 MB, BENCHMARKS.md run D)
                c.getInt("WS_MAX_CONNECTIONS", 10_000, 1, 1_000_000),
                c.find("WEB_PORTS_FILE").map(Path::of));
    }

    /** One listener serves both when both are configured to the same fixed address. */
    boolean sharedListener() {
        return apiPort != 0 && apiPort == broadcasterPort && apiHost.equals(broadcasterHost);
    }
}
