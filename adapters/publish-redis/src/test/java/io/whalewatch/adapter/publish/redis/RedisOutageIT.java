package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        long slowestNanos = 0;
        for (long i = 2; i <= 201; i++) {
            long t = System.nanoTime();
            publisher.publish(Predictions.inflow(i, 150));
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - t);
        }
        Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.DEGRADED, () -> publisher.health().toString());
        assertThat(publisher.health().detail()).contains("Redis unreachable at redis://127.0.0.1:" + server.port());
        assertThat(Duration.ofNanos(slowestNanos)).isLessThan(Duration.ofMillis(50));

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
        List<Long> slow = new ArrayList<>();
        for (long i = 1; i <= 20; i++) {
            long t = System.nanoTime();
            publisher.publish(Predictions.inflow(i, 150));
            slow.add((System.nanoTime() - t) / 1_000_000);
        }
        Eventually.until(WAIT, () -> publisher.health().level() == ComponentHealth.Level.DEGRADED, () -> publisher.health().toString());
        assertThat(slow).allMatch(ms -> ms < 50);
        // at most one message may be in the drain thread's hands, outside the queue
        assertThat(publisher.health().detail()).containsPattern("[45] queued, 1[56] dropped");

        server.restart();
        try (RedisProbe probe = new RedisProbe(server)) {
            Eventually.until(WAIT, () -> probe.ids().contains("20-0"), () -> publisher.health().toString());
            assertThat(probe.ids()).endsWith("16-0", "17-0", "18-0", "19-0", "20-0").hasSizeBetween(5, 6);
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
