package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.MempoolSourceProvider;

/**
 * Provides the "mempool-space" source: mempool.space's WebSocket {@code track-mempool} stream
 * plus its REST API (a public instance, a self-hosted one, or the simulator).
 *
 * <p>Settings (all optional): {@code MEMPOOL_WS_URL} (ws://localhost:8999/api/v1/ws),
 * {@code MEMPOOL_API_URL} (derived from the WebSocket URL: ws→http, wss→https,
 * {@code [/network]/api/v1/ws} → {@code [/network]/api}), {@code MEMPOOL_PING_AFTER_SECONDS} (30),
 * {@code MEMPOOL_PONG_TIMEOUT_SECONDS} (5), {@code MEMPOOL_RECONNECT_MIN_MS} (2000),
 * {@code MEMPOOL_RECONNECT_MAX_MS} (60000), {@code MEMPOOL_CONNECT_TIMEOUT_SECONDS} (10),
 * {@code MEMPOOL_HTTP_TIMEOUT_SECONDS} (10), {@code MEMPOOL_HTTP_RETRIES} (3),
 * {@code MEMPOOL_MAX_FRAME_MB} (64), {@code MEMPOOL_FRAME_QUEUE} (1), {@code MEMPOOL_FRAME_QUEUE_MB} (96),
 * {@code MEMPOOL_ENRICH_CONCURRENCY} (4).
 *
 * <p>{@link #create} validates the settings and opens nothing; the source connects on
 * {@code start} and keeps reconnecting until {@code close}.
 */
public final class MempoolSpaceSourceProvider implements MempoolSourceProvider {
    /** The configuration name. */
    public static final String NAME = "mempool-space";

    public MempoolSpaceSourceProvider() {
        // no I/O: ServiceLoader instantiates every provider, enabled or not
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MempoolSource create(AdapterContext context) {
        return new MempoolSpaceSource(MempoolSpaceSettings.from(context.config()), context.clock());
    }
}
