package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The test's own view of a Redis server (a plain Lettuce client) and adapter contexts pointing at it. */
final class RedisProbe implements AutoCloseable {
    static final String STREAM = "whalewatch:alerts:stream";
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisProbe(RedisServer server) {
        client = RedisClient.create(server.url());
        connection = client.connect();
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    List<StreamMessage<String, String>> all() {
        return redis().xrange(STREAM, io.lettuce.core.Range.create("-", "+"));
    }

    List<String> ids() {
        return all().stream().map(StreamMessage::getId).toList();
    }

    static AdapterContext context(RedisServer server, String... keyValues) {
        Map<String, String> values = new HashMap<>();
        values.put("REDIS_URL", server.url());
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new AdapterContext(AdapterConfig.of(values), Clock.systemUTC(), Ports.none());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
