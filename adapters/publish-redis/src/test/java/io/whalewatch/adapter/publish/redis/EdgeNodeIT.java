package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.in.ListPredictionsUseCase.Query;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.AdapterProvider;
import io.whalewatch.application.spi.SignalFeed;
import io.whalewatch.application.spi.SignalFeedProvider;
import io.whalewatch.application.spi.SignalPublisherProvider;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detector and an edge node sharing one Redis, both found the way bootstrap finds them
 * (ServiceLoader + name): the detector's "redis" publisher writes, the edge's "redis" feed
 * replays into a recording sink (standing in for the edge's WebSocket publisher), and a
 * reconnecting client resumes from the feed's history.
 */
class EdgeNodeIT {
    @TempDir
    Path dir;

    static <P extends AdapterProvider<?>> P provider(Class<P> spi, String name) {
        List<P> found = ServiceLoader.load(spi).stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name)).toList();
        assertThat(found).as("providers of " + spi.getSimpleName() + " named " + name).hasSize(1);
        return found.get(0);
    }

    @Test
    void anEdgeNodeServesWhatTheDetectorPublishes() {
        try (RedisServer redis = RedisServer.start(dir)) {
            AdapterContext context = RedisProbe.context(redis, "REDIS_STREAM", "edge:test", "REDIS_CHANNEL", "edge:test:ch");
            List<Prediction> sent = new ArrayList<>();
            try (SignalPublisher detector = provider(SignalPublisherProvider.class, "redis").create(context)) {
                for (long i = 1; i <= 5; i++) {
                    sent.add(Predictions.inflow(i, 100 + i));
                    detector.publish(sent.get(sent.size() - 1));
                }
                Eventually.until(Duration.ofSeconds(15), () -> detector.health().detail().contains("5 published"),
                        () -> detector.health().toString());
                try (SignalFeed edge = provider(SignalFeedProvider.class, "redis").create(context)) {
                    RecordingSink web = new RecordingSink();
                    long latest = edge.latestAlertId();
                    edge.start(web, latest);
                    detector.publish(Predictions.inflow(6, 106));
                    detector.publishUpdate(Fixtures.confirmed(sent.get(1)));

                    Eventually.until(Duration.ofSeconds(15), () -> web.size() == 2, () -> web.received().toString());
                    assertThat(latest).isEqualTo(5);
                    assertThat(web.received()).containsExactly(Predictions.inflow(6, 106), Fixtures.confirmed(sent.get(1)));
                    // a WebSocket client that saw alert 3 resumes from the edge's history
                    assertThat(edge.history().list(new Query(3, 100))).extracting(Prediction::alertId).containsExactly(4L, 5L, 6L);
                }
            }
        }
    }

    @Test
    void invalidSettingsFailAtCreationNamingTheKeyAndNeverEchoingTheUrl() {
        AdapterContext badLength = new AdapterContext(io.whalewatch.application.spi.AdapterConfig.of(
                java.util.Map.of("REDIS_STREAM_MAXLEN", "0")), java.time.Clock.systemUTC(), io.whalewatch.application.spi.Ports.none());
        AdapterContext badUrl = new AdapterContext(io.whalewatch.application.spi.AdapterConfig.of(
                java.util.Map.of("REDIS_URL", "http://:s3cret@host")), java.time.Clock.systemUTC(), io.whalewatch.application.spi.Ports.none());

        Assertions.assertThatThrownBy(() -> provider(SignalPublisherProvider.class, "redis").create(badLength))
                .isInstanceOf(AdapterException.class).hasMessageContaining("REDIS_STREAM_MAXLEN");
        Assertions.assertThatThrownBy(() -> provider(SignalFeedProvider.class, "redis").create(badUrl))
                .isInstanceOf(AdapterException.class).hasMessageContaining("REDIS_URL").hasMessageNotContaining("s3cret");
    }
}
