package io.whalewatch.adapter.publish.redis;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.whalewatch.application.port.out.SignalPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's thread: {@code XREAD BLOCK 500 COUNT 100 STREAMS key <last id>} in a loop, each entry
 * decoded and handed to the sink in stream order. Reconnects with backoff; an entry that does not
 * decode is logged and skipped (one bad message must not stop an edge node).
 */
final class StreamFollower implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFollower.class);
    static final Duration BLOCK = Duration.ofMillis(500);
    private final RedisSettings settings;
    private final RedisLink link;
    private final LinkState state;
    private final SignalPublisher sink;
    private final CountDownLatch stopping;
    private volatile String lastId;
    private volatile long delivered;
    private volatile long skipped;

    StreamFollower(RedisSettings settings, RedisLink link, LinkState state, SignalPublisher sink, long afterAlertId,
            CountDownLatch stopping) {
        this.settings = settings;
        this.link = link;
        this.state = state;
        this.sink = sink;
        this.stopping = stopping;
        this.lastId = afterAlertId + "-0";
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff();
        while (stopping.getCount() > 0) {
            try {
                List<StreamMessage<String, String>> batch = link.commands().xread(
                        XReadArgs.Builder.block(BLOCK).count(100), XReadArgs.StreamOffset.from(settings.stream(), lastId));
                state.up();
                backoff.reset();
                batch.forEach(this::deliver);
            } catch (RuntimeException e) {
                if (stopping.getCount() == 0) {
                    return;
                }
                link.reset();
                state.down(e);
                if (await(backoff.nextMillis())) {
                    return;
                }
            }
        }
    }

    private void deliver(StreamMessage<String, String> entry) {
        lastId = entry.getId();
        Signal signal;
        try {
            signal = SignalCodec.decode(entry.getBody().get("payload"));
        } catch (RuntimeException e) {
            skipped++;
            LOG.warn("stream entry {} skipped: {}", entry.getId(), e.getMessage());
            return;
        }
        try {
            signal.deliverTo(sink);
            delivered++;
        } catch (RuntimeException e) {
            LOG.warn("the sink failed on stream entry {}: {}", entry.getId(), e.toString());
        }
    }

    private boolean await(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    String position() {
        return "after entry " + lastId + ", " + delivered + " delivered" + (skipped > 0 ? ", " + skipped + " undecodable skipped" : "");
    }
}
