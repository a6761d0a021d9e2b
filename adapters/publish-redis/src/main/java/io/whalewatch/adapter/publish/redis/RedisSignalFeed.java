package io.whalewatch.adapter.publish.redis;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.SignalFeed;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the alert stream a detector's {@link RedisSignalPublisher} writes, for edge nodes: one
 * thread reads the stream and delivers alerts and updates, in stream order, to a sink (the edge's
 * WebSocket publisher); {@link #history()} serves resuming clients from the same stream. Two
 * connections: the follower's blocks in XREAD, the history's serves concurrent readers.
 */
public final class RedisSignalFeed implements SignalFeed {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSignalFeed.class);
    private final RedisSettings settings;
    private final RedisConnector connector;
    private final RedisLink followLink;
    private final StreamHistory history;
    private final LinkState state;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile StreamFollower follower;
    private Thread thread;

    RedisSignalFeed(RedisSettings settings, Clock clock) {
        this.settings = settings;
        this.connector = new RedisConnector(settings);
        this.followLink = connector.link();
        this.history = new StreamHistory(settings, connector.link());
        this.state = new LinkState("redis feed", settings.target(), clock);
    }

    @Override
    public synchronized void start(SignalPublisher sink, long afterAlertId) {
        Objects.requireNonNull(sink, "sink");
        if (thread != null) {
            throw new IllegalStateException("the feed is already started");
        }
        if (afterAlertId < 0) {
            throw new IllegalArgumentException("afterAlertId must not be negative");
        }
        follower = new StreamFollower(settings, followLink, state, sink, afterAlertId, stopping);
        thread = new Thread(follower, "redis-feed");
        thread.setDaemon(true);
        thread.start();
        LOG.info("following stream {} at {} after alert {}", settings.stream(), settings.target(), afterAlertId);
    }

    @Override
    public long latestAlertId() {
        try {
            return history.latestAlertId();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the newest alert id from {} ({}); following from the start of the stream",
                    settings.target(), LinkState.describe(e));
            return 0;
        }
    }

    @Override
    public ListPredictionsUseCase history() {
        return history;
    }

    @Override
    public ComponentHealth health() {
        String problem = state.problem();
        StreamFollower f = follower;
        String position = f == null ? "not started" : f.position();
        return problem == null
                ? ComponentHealth.ok("following " + settings.stream() + " " + position)
                : ComponentHealth.degraded(problem + "; " + position);
    }

    @Override
    public void close() {
        stopping.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(StreamFollower.BLOCK.toMillis() + RedisSettings.COMMAND_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connector.close(); // closes every connection of the client
    }
}
