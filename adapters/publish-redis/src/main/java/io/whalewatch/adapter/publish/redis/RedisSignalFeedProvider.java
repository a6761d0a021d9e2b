package io.whalewatch.adapter.publish.redis;

import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.SignalFeed;
import io.whalewatch.application.spi.SignalFeedProvider;

/**
 * The "redis" signal feed for edge nodes: follows REDIS_STREAM at REDIS_URL. {@code create}
 * validates the settings and connects nothing; {@link SignalFeed#start} starts the reading thread.
 */
public final class RedisSignalFeedProvider implements SignalFeedProvider {
    @Override
    public String name() {
        return "redis";
    }

    @Override
    public SignalFeed create(AdapterContext context) {
        return new RedisSignalFeed(RedisSettings.from(context.config()), context.clock());
    }
}
