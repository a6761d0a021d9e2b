package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against a real redis-server on a free loopback port. */
class RedisSignalPublisherIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    Path dir;
    private RedisServer server;
    private RedisProbe probe;
    private SignalPublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        if (probe != null) {
            probe.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void startAll(String... settings) {
        server = RedisServer.start(dir, "--stream-node-max-entries", "10");
        probe = new RedisProbe(server);
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server, settings));
    }

    private void awaitStreamLength(long n) {
        Eventually.until(WAIT, () -> probe.redis().xlen(RedisProbe.STREAM) >= n,
                () -> "stream length " + probe.redis().xlen(RedisProbe.STREAM) + " < " + n + "; " + publisher.health());
    }

    @Test
    void subscribersOfTheChannelReceiveAlertsAndUpdatesInOrder() {
        startAll();
        List<String> received = new CopyOnWriteArrayList<>();
        RedisClient client = RedisClient.create(server.url());
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + " " + message);
                }
            });
            sub.sync().subscribe("whalewatch:alerts");
            Prediction first = Predictions.inflow(1, 150);
            publisher.publish(first);
            publisher.publish(Predictions.unknownConsolidation(2, 300));
            publisher.publishUpdate(Fixtures.confirmed(first));
            Eventually.until(WAIT, () -> received.size() == 3, () -> "received " + received);
        } finally {
            client.shutdown();
        }
        assertThat(received).allMatch(m -> m.startsWith("whalewatch:alerts {"));
        List<Signal> decoded = received.stream().map(m -> SignalCodec.decode(m.substring(m.indexOf(' ') + 1))).toList();
        assertThat(decoded).containsExactly(new Signal.Alert(Predictions.inflow(1, 150)),
                new Signal.Alert(Predictions.unknownConsolidation(2, 300)), new Signal.Update(Fixtures.confirmed(Predictions.inflow(1, 150))));
        assertThat(publisher.health().level()).isEqualTo(ComponentHealth.Level.OK);
    }

    @Test
    void streamEntriesUseAlertIdsAndCarryTypeAlertIdAndPayload() {
        startAll("REDIS_CHANNEL", "other:channel", "REDIS_STREAM", RedisProbe.STREAM);
        publisher.publish(Predictions.inflow(3, 150));
        publisher.publishUpdate(Fixtures.confirmed(Predictions.inflow(3, 150)));
        publisher.publish(Predictions.inflow(4, 150));
        publisher.publishUpdate(Fixtures.confirmed(Predictions.inflow(3, 150)));
        awaitStreamLength(4);

        assertThat(probe.ids()).containsExactly("3-0", "3-1", "4-0", "4-1");
        StreamMessage<String, String> update = probe.all().get(3);
        assertThat(update.getBody()).containsEntry("type", "alert_update").containsEntry("alert_id", "3");
        assertThat(SignalCodec.decode(update.getBody().get("payload")))
                .isEqualTo(new Signal.Update(Fixtures.confirmed(Predictions.inflow(3, 150))));
        assertThat(probe.all().get(2).getBody()).containsEntry("type", "whale_alert").containsEntry("alert_id", "4");
    }

    @Test
    void theStreamIsCappedAtAboutMaxlen() {
        startAll("REDIS_STREAM_MAXLEN", "20");
        LongStream.rangeClosed(1, 300).forEach(i -> publisher.publish(Predictions.inflow(i, 150)));
        Eventually.until(WAIT, () -> probe.ids().contains("300-0"), () -> "last alert not streamed; " + publisher.health());

        long length = probe.redis().xlen(RedisProbe.STREAM);
        // MAXLEN ~ trims whole macro nodes (10 entries each here), so at most one node more than the cap
        assertThat(length).isBetween(20L, 30L);
        assertThat(probe.ids().get(probe.ids().size() - 1)).isEqualTo("300-0");
    }

    @Test
    void xreadFromAnAlertIdReturnsExactlyWhatWasPublishedAfterIt() {
        startAll();
        for (long i = 1; i <= 10; i++) {
            publisher.publish(Predictions.inflow(i, 150));
            if (i % 3 == 0) {
                publisher.publishUpdate(Fixtures.confirmed(Predictions.inflow(i - 2, 150)));
            }
        }
        awaitStreamLength(13);

        List<String> after5 = probe.redis().xread(XReadArgs.StreamOffset.from(RedisProbe.STREAM, "5-0")).stream()
                .map(m -> m.getBody().get("type") + ":" + m.getBody().get("alert_id")).toList();
        assertThat(after5).containsExactly("whale_alert:6", "alert_update:4", "whale_alert:7", "whale_alert:8",
                "whale_alert:9", "alert_update:7", "whale_alert:10");
    }

    @Test
    void aRedeliveredAlertIsNotStreamedOrPublishedTwice() {
        startAll();
        publisher.publish(Predictions.inflow(1, 150));
        publisher.publish(Predictions.inflow(2, 150));
        publisher.publish(Predictions.inflow(2, 150));
        publisher.publish(Predictions.inflow(3, 150));
        awaitStreamLength(3);

        Eventually.until(WAIT, () -> publisher.health().detail().contains("1 redelivered"), () -> publisher.health().toString());
        assertThat(probe.ids()).containsExactly("1-0", "2-0", "3-0");
    }

    @Test
    void aRestartedPublisherContinuesTheStreamWhereItIs() {
        startAll();
        publisher.publish(Predictions.inflow(1, 150));
        publisher.publish(Predictions.inflow(2, 150));
        awaitStreamLength(2);
        publisher.close();
        publisher = new RedisSignalPublisherProvider().create(RedisProbe.context(server));
        publisher.publishUpdate(Fixtures.confirmed(Predictions.inflow(1, 150)));
        publisher.publish(Predictions.inflow(2, 150));
        publisher.publish(Predictions.inflow(3, 150));
        awaitStreamLength(4);

        assertThat(probe.ids()).containsExactly("1-0", "2-0", "2-1", "3-0");
    }
}
