package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.RedisURI;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.time.Duration;

/**
 * The adapter's settings, read from the operations guide's keys.
 *
 * @param uri            REDIS_URL, default {@code redis://127.0.0.1:6379} (may carry a password; never logged)
 * @param channel        REDIS_CHANNEL, default {@code whalewatch:alerts}: pub/sub for simple consumers
 * @param stream         REDIS_STREAM, default {@code whalewatch:alerts:stream}: capped stream for consumers that resume
 * @param maxLength      REDIS_STREAM_MAXLEN, default 100000: approximate cap ({@code XADD ... MAXLEN ~ n})
 * @param queueCapacity  REDIS_QUEUE_CAPACITY, default 10000: messages held while Redis is unreachable
 */
record RedisSettings(RedisURI uri, String channel, String stream, long maxLength, int queueCapacity) {
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    /** Commands (XREAD BLOCK included) time out after this, so a dead server is noticed. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    static RedisSettings from(AdapterConfig config) {
        return new RedisSettings(parse(config.get("REDIS_URL", DEFAULT_URL)),
                config.get("REDIS_CHANNEL", "whalewatch:alerts"),
                config.get("REDIS_STREAM", "whalewatch:alerts:stream"),
                config.getInt("REDIS_STREAM_MAXLEN", 100_000, 1, Integer.MAX_VALUE),
                config.getInt("REDIS_QUEUE_CAPACITY", 10_000, 1, 10_000_000));
    }

    private static RedisURI parse(String url) {
        try {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(COMMAND_TIMEOUT);
            return uri;
        } catch (RuntimeException e) {
            // the message may echo the URL, which may hold a password: do not pass it on
            throw new AdapterException("REDIS_URL is not a valid Redis URL; expected redis://[:password@]host:port[/db]");
        }
    }

    /** Where Redis is, for logs and /health: host, port and database, never the password. */
    String target() {
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }
}
