package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis going away under the publisher: the pipeline never waits, health says so, nothing queued is lost. */
class RedisOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private RedisServer server;
    private SignalPublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void publishingWhileRedisIsKilledNeverBlocksAndDeliversTheQueueWhenItIsBack() {
        server = RedisServer.start(dir);
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server));
        publisher.publish(Predictions.inflow(1, 150));
        Eventually.until(WAIT, () -> publisher.health().detail().contains("1 published"), () -> publisher.health().toString());

        server.kill();
        long t = System.nanoTime();
        LongStream.rangeClosed(2, 201).forEach(i -> publisher.publish(Predictions.inflow(i, 150)));
        Duration publishing = Duration.ofNanos(System.nanoTime() - t);
        Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.DEGRADED, () -> publisher.health().toString());
        assertThat(publisher.health().detail()).contains("Redis unreachable at redis://127.0.0.1:" + server.port());
        assertThat(publishing).isLessThan(Duration.ofSeconds(2)); // sanity only; the frozen-server test proves it

        server.restart(); // same port, empty (no persistence): what arrives now came from the queue
        try (RedisProbe probe = new RedisProbe(server)) {
            Eventually.until(WAIT, () -> probe.redis().xlen(RedisProbe.STREAM) == 200, () -> publisher.health().toString());
            List<String> expected = LongStream.rangeClosed(2, 201).mapToObj(i -> i + "-0").toList();
            assertThat(probe.ids()).containsExactlyElementsOf(expected);
        }
        Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.OK, () -> publisher.health().toString());
        assertThat(publisher.health().detail()).contains("201 published", "0 queued", "0 dropped");
    }

    @Test
    void whenTheQueueIsFullTheOldestMessagesAreDroppedAndCounted() {
        server = RedisServer.notStarted(dir);
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server, "REDIS_QUEUE_CAPACITY", "5"));
        LongStream.rangeClosed(1, 20).forEach(i -> publisher.publish(Predictions.inflow(i, 150)));
        Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.DEGRADED, () -> publisher.health().toString());
        // the drain thread may hold one message outside the queue, retrying it: taken before the last
        // publishes (5 queued, 14 dropped) or, when it started late, after them (4 queued, 15 dropped)
        assertThat(publisher.health().detail()).containsPattern("0 published, (5 queued, 1[45]|4 queued, 15) dropped");

        server.restart();
        try (RedisProbe probe = new RedisProbe(server)) {
            Eventually.until(WAIT, () -> probe.ids().contains("20-0"), () -> publisher.health().toString());
            assertThat(probe.ids()).endsWith("16-0", "17-0", "18-0", "19-0", "20-0").hasSizeBetween(5, 6);
        }
    }

    @Test
    void aFrozenServerNeverHoldsUpThePipelineThread() {
        server = RedisServer.start(dir);
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server));
        publisher.publish(Predictions.inflow(1, 150));
        Eventually.until(WAIT, () -> publisher.health().detail().contains("1 published"), () -> publisher.health().toString());

        server.freeze(); // SIGSTOP: connections stay open, commands hang until the 5 s command timeout
        try {
            long t = System.nanoTime();
            LongStream.rangeClosed(2, 51).forEach(i -> publisher.publish(Predictions.inflow(i, 150)));
            // a publisher waiting for Redis would need 5 s for the first of these alone
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(1));
            Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.DEGRADED, () -> publisher.health().toString());
            assertThat(publisher.health().detail()).contains("Redis unreachable");
        } finally {
            server.thaw();
        }
        try (RedisProbe probe = new RedisProbe(server)) {
            Eventually.until(WAIT, () -> probe.ids().contains("51-0"), () -> publisher.health().toString());
            assertThat(probe.ids()).containsExactlyElementsOf(LongStream.rangeClosed(1, 51).mapToObj(i -> i + "-0").toList());
        }
    }

    @Test
    void closingWhileRedisIsDownReturnsPromptly() {
        server = RedisServer.notStarted(dir);
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server));
        publisher.publish(Predictions.inflow(1, 150));
        Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.DEGRADED, () -> publisher.health().toString());

        long t = System.nanoTime();
        publisher.close();
        publisher = null;
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(3));
    }
}
