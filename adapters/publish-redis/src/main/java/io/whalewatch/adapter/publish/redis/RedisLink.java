package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One lazily opened connection. A blocking command (XREAD BLOCK) holds its connection, so each
 * thread that blocks gets its own link.
 */
final class RedisLink {
    private final RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private long generation;

    RedisLink(RedisClient client) {
        this.client = client;
    }

    /** The commands of an open connection, connecting first if needed. */
    synchronized RedisCommands<String, String> commands() {
        if (connection == null || !connection.isOpen()) {
            reset();
            connection = client.connect();
            generation++;
        }
        return connection.sync();
    }

    /** Counts connections opened; a new value means state kept from the last one may be stale. */
    synchronized long generation() {
        return generation;
    }

    /** Drops the connection after a failure; the next {@link #commands()} opens a new one. */
    synchronized void reset() {
        if (connection != null) {
            connection.closeAsync();
            connection = null;
        }
    }
}
