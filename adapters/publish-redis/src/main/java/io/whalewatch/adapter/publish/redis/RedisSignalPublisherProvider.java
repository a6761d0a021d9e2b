package io.whalewatch.adapter.publish.redis;

import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.SignalPublisherProvider;

/**
 * The "redis" signal publisher: REDIS_URL, REDIS_CHANNEL, REDIS_STREAM, REDIS_STREAM_MAXLEN,
 * REDIS_QUEUE_CAPACITY. {@code create} validates the settings and starts the drain thread; it does
 * not wait for Redis, which may come up later (health is DEGRADED meanwhile).
 */
public final class RedisSignalPublisherProvider implements SignalPublisherProvider {
    @Override
    public String name() {
        return "redis";
    }

    @Override
    public SignalPublisher create(AdapterContext context) {
        return new RedisSignalPublisher(RedisSettings.from(context.config()), context.clock());
    }
}
