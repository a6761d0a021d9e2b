package io.whalewatch.adapter.publish.redis;

import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every alert and update to a Redis pub/sub channel and a capped stream.
 *
 * <p>Threading: {@link #publish} and {@link #publishUpdate} only enqueue (never block, never
 * throw, never touch the network); one daemon thread drains the queue in order, retrying with
 * backoff while Redis is unreachable. When the queue is full the oldest message is dropped and
 * counted. {@link #health()} is DEGRADED while Redis is unreachable. {@link #close()} gives the
 * queue up to two seconds to drain when Redis is up, then stops.
 */
public final class RedisSignalPublisher implements SignalPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSignalPublisher.class);
    static final long IDLE_CHECK_MILLIS = 2_000;
    static final long CLOSE_GRACE_MILLIS = 2_000;
    private final RedisConnector connector;
    private final RedisLink link;
    private final OutboundQueue queue;
    private final StreamWriter writer;
    private final LinkState state;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread drainer;
    private volatile long stopDeadline = Long.MAX_VALUE;

    RedisSignalPublisher(RedisSettings settings, Clock clock) {
        this.connector = new RedisConnector(settings);
        this.link = connector.link();
        this.queue = new OutboundQueue(settings.queueCapacity());
        this.writer = new StreamWriter(settings, link);
        this.state = new LinkState("redis publisher", settings.target(), clock);
        this.drainer = new Thread(this::drain, "redis-publisher");
        drainer.setDaemon(true);
        drainer.start();
    }

    @Override
    public void publish(Prediction prediction) {
        queue.offer(new Outbound(new Signal.Alert(prediction)));
    }

    @Override
    public void publishUpdate(PredictionUpdate update) {
        queue.offer(new Outbound(new Signal.Update(update)));
    }

    @Override
    public ComponentHealth health() {
        String problem = state.problem();
        String counts = writer.published() + " published, " + queue.size() + " queued, " + queue.dropped() + " dropped"
                + (writer.redeliveries() > 0 ? ", " + writer.redeliveries() + " redelivered alerts skipped" : "");
        return problem == null ? ComponentHealth.ok("connected; " + counts) : ComponentHealth.degraded(problem + "; " + counts);
    }

    private void drain() {
        Backoff backoff = new Backoff();
        Outbound current = null;
        while (running() || flushing(current)) {
            try {
                if (current == null) {
                    current = queue.poll(running() ? IDLE_CHECK_MILLIS : 0);
                }
                if (current == null && !running()) {
                    return;
                }
                writeOrPing(current);
                current = null;
                state.up();
                backoff.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                link.reset();
                state.down(e);
                if (pause(backoff.nextMillis())) {
                    return;
                }
            }
        }
    }

    /** Writes one message, or checks the connection when idle so that health stays true without traffic. */
    private void writeOrPing(Outbound message) {
        if (message != null) {
            writer.write(message);
        } else {
            link.commands().ping();
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    /** While closing: keep writing what is queued as long as Redis is up and the grace period lasts. */
    private boolean flushing(Outbound current) {
        return (current != null || queue.size() > 0) && state.isUp() && System.nanoTime() < stopDeadline;
    }

    /** Sleeps between retries; true when the publisher is closing meanwhile. */
    private boolean pause(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        stopDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_GRACE_MILLIS);
        stopping.countDown();
        queue.wakeUp();
        try {
            drainer.join(CLOSE_GRACE_MILLIS + RedisSettings.COMMAND_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (queue.size() > 0) {
            LOG.warn("redis publisher closed with {} messages not delivered", queue.size());
        }
        connector.close(); // closes every connection of the client
    }
}
