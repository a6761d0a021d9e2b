package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.in.ListPredictionsUseCase.Query;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.spi.SignalFeed;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed following a stream that the publisher writes, on a real redis-server. */
class RedisSignalFeedIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private RedisServer server;
    private SignalPublisher publisher;
    private SignalFeed feed;

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {feed, publisher, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private void startAll() {
        server = RedisServer.start(dir);
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server));
        feed = new RedisSignalFeedProvider().create(RedisProbe.context(server));
    }

    /** Alerts 1..n, each third one followed by an update of the alert two before it; returns what was published. */
    private List<Object> publishMixed(long from, long to) {
        List<Object> sent = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            Prediction p = i % 2 == 0 ? Predictions.inflow(i, 100 + i) : Fixtures.awkward(i);
            publisher.publish(p);
            sent.add(p);
            if (i % 3 == 0) {
                var u = Fixtures.everyUpdate(Predictions.inflow(i - 2, 100 + i - 2)).get((int) (i % 6));
                publisher.publishUpdate(u);
                sent.add(u);
            }
        }
        return sent;
    }

    private void awaitPublished(long n) {
        Eventually.until(WAIT, () -> publisher.health().detail().contains(n + " published"), () -> publisher.health().toString());
    }

    @Test
    void deliversEveryAlertAndUpdateToTheSinkInOrderOnOneThread() {
        startAll();
        List<Object> sent = publishMixed(1, 30);
        RecordingSink sink = new RecordingSink();
        feed.start(sink, 0);

        Eventually.until(WAIT, () -> sink.size() == sent.size(), () -> sink.size() + " of " + sent.size() + "; " + feed.health());
        assertThat(sink.received()).containsExactlyElementsOf(sent);
        assertThat(sink.threads()).containsOnly("redis-feed");
        assertThat(feed.health().level()).isEqualTo(ComponentHealth.Level.OK);
        assertThat(feed.health().detail()).contains("following whalewatch:alerts:stream", sent.size() + " delivered");
    }

    @Test
    void startingAfterAnAlertIdDeliversOnlyWhatCameLaterAndKeepsFollowing() {
        startAll();
        List<Object> sent = publishMixed(1, 12);
        awaitPublished(sent.size());
        RecordingSink sink = new RecordingSink();
        feed.start(sink, 9);
        List<Object> more = publishMixed(13, 15);

        // entry 9-1 (the update of alert 7, published after alert 9) is after alert 9 too
        List<Object> expected = new ArrayList<>(sent.subList(sent.indexOf(Fixtures.awkward(9)) + 1, sent.size()));
        expected.addAll(more);
        Eventually.until(WAIT, () -> sink.size() == expected.size(), () -> sink.size() + " of " + expected.size());
        assertThat(sink.received()).containsExactlyElementsOf(expected);
        assertThat(feed.latestAlertId()).isEqualTo(15);
        assertThatThrownBy(() -> feed.start(sink, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void historyPagesThroughAlertsOnlyForResumingClients() {
        startAll();
        for (long i = 1; i <= 400; i++) {
            publisher.publish(Predictions.inflow(i, 150));
            publisher.publishUpdate(Fixtures.confirmed(Predictions.inflow(i, 150)));
        }
        awaitPublished(800);
        var history = feed.history();

        assertThat(history.list(new Query(0, 10))).extracting(Prediction::alertId).containsExactlyElementsOf(range(1, 10));
        assertThat(history.list(new Query(10, 10))).extracting(Prediction::alertId).containsExactlyElementsOf(range(11, 20));
        assertThat(history.list(new Query(395, 10))).extracting(Prediction::alertId).containsExactlyElementsOf(range(396, 400));
        assertThat(history.list(new Query(400, 10))).isEmpty();
        // 800 entries: more than one XRANGE page of updates and alerts
        List<Prediction> all = history.list(new Query(0, 10_000));
        assertThat(all).extracting(Prediction::alertId).containsExactlyElementsOf(range(1, 400));
        assertThat(all.get(41)).isEqualTo(Predictions.inflow(42, 150));
        assertThat(feed.latestAlertId()).isEqualTo(400);
    }

    @Test
    void historyOfAnEmptyOrUnreachableStream() {
        server = RedisServer.notStarted(dir);
        feed = new RedisSignalFeedProvider().create(RedisProbe.context(server));

        assertThatThrownBy(() -> feed.history().list(new Query(0, 10))).isInstanceOf(StoreException.class)
                .hasMessageContaining("Redis unreachable at redis://127.0.0.1:" + server.port());
        assertThat(feed.latestAlertId()).isZero();
        server.restart();
        assertThat(feed.history().list(new Query(0, 10))).isEmpty();
        assertThat(feed.latestAlertId()).isZero();
    }

    @Test
    void followsAcrossARedisRestartAndReportsTheOutage() {
        startAll();
        RecordingSink sink = new RecordingSink();
        feed.start(sink, 0);
        publisher.publish(Predictions.inflow(1, 150));
        Eventually.until(WAIT, () -> sink.size() == 1, () -> feed.health().toString());

        server.kill();
        Eventually.until(WAIT, () -> feed.health().level() == ComponentHealth.Level.DEGRADED, () -> feed.health().toString());
        assertThat(feed.health().detail()).contains("Redis unreachable", "1 delivered");
        publisher.publish(Predictions.inflow(2, 150));
        publisher.publish(Predictions.inflow(3, 150));
        server.restart();

        Eventually.until(WAIT, () -> sink.size() == 3, () -> sink.received() + "; " + feed.health());
        assertThat(sink.received()).containsExactly(Predictions.inflow(1, 150), Predictions.inflow(2, 150), Predictions.inflow(3, 150));
        assertThat(feed.health().level()).isEqualTo(ComponentHealth.Level.OK);
    }

    @Test
    void anUndecodableEntryIsSkippedNotFatal() {
        startAll();
        try (RedisProbe probe = new RedisProbe(server)) {
            probe.redis().xadd(RedisProbe.STREAM, io.lettuce.core.XAddArgs.Builder.maxlen(100).id("1-0"),
                    java.util.Map.of("type", "whale_alert", "alert_id", "1", "payload", "{\"type\":\"whale_alert\"}"));
        }
        publisher.publish(Predictions.inflow(2, 150));
        RecordingSink sink = new RecordingSink();
        feed.start(sink, 0);

        Eventually.until(WAIT, () -> sink.size() == 1, () -> feed.health().toString());
        assertThat(sink.received()).containsExactly(Predictions.inflow(2, 150));
        assertThat(feed.health().detail()).contains("1 undecodable skipped");
        assertThat(feed.history().list(new Query(0, 10))).containsExactly(Predictions.inflow(2, 150));
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
