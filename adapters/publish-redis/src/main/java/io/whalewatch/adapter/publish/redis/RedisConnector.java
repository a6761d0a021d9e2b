package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One Lettuce client (and its small Netty event loop) per adapter. Lettuce's own reconnect is off:
 * the adapter's thread notices a dead connection, drops it and reconnects with its own backoff, so
 * that health and logs follow one clear state machine.
 */
final class RedisConnector implements AutoCloseable {
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisSettings settings;

    RedisConnector(RedisSettings settings) {
        this.settings = settings;
        // two cores shared with the detector: one I/O and one computation thread are plenty here
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1).build();
        this.client = RedisClient.create(resources, settings.uri());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .timeoutOptions(TimeoutOptions.enabled(RedisSettings.COMMAND_TIMEOUT))
                .build());
    }

    /** A connection opened on first use and re-opened after {@link RedisLink#reset()}. */
    RedisLink link() {
        return new RedisLink(client);
    }

    RedisSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        client.shutdown(0, 2, TimeUnit.SECONDS);
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
