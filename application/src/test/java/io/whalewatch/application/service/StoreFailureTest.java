package io.whalewatch.application.service;

import static io.whalewatch.application.service.Txs.added;
import static io.whalewatch.application.service.Txs.whale;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.MonitoringSettings;
import io.whalewatch.application.ResilienceSettings;
import io.whalewatch.application.fakes.FakeMempoolSource;
import io.whalewatch.application.fakes.InMemoryPredictionRepository;
import io.whalewatch.application.fakes.MapAddressBook;
import io.whalewatch.application.fakes.MutableClock;
import io.whalewatch.application.fakes.RecordingPublisher;
import io.whalewatch.application.port.in.GetHealthUseCase.Status;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.fee.RecommendedFees;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failing store (full disk, I/O error): alerts keep flowing from memory, a bounded buffer retries the writes. */
class StoreFailureTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private final InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private ServiceAssembly app;

    @BeforeEach
    void wire() {
        ResilienceSettings small = new ResilienceSettings(3, Duration.ofHours(1), Long.MAX_VALUE, Long.MAX_VALUE,
                Duration.ofHours(1), 0, 0, Duration.ZERO);
        app = new ServiceAssembly(new MutableClock(T0), DetectionSettings.defaults(WhaleThreshold.ofBtc(100)), repository,
                new MapAddressBook(Map.of()), new FakeMempoolSource(), MonitoringPorts.inMemory(MonitoringSettings.defaults()),
                small, null);
        app.attach(publisher);
        app.listener().onBlock(new Block(890_000, "00ab", T0));
        app.listener().onRecommendedFees(new RecommendedFees(20, 15, 10, 5, 1));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void whalesAreAlertedWhileTheStoreFailsAndWrittenOnceItIsBack() {
        app.listener().onDelta(added(whale(1, 25)));
        repository.failing = true;
        app.listener().onDelta(added(whale(2, 25), whale(3, 25)));
        assertThat(publisher.alerts).extracting(p -> p.txid().value()).containsExactly(Txs.txid(1).value(),
                Txs.txid(2).value(), Txs.txid(3).value());
        assertThat(publisher.alerts).extracting(Prediction::alertId).containsExactly(1L, 2L, 3L);
        assertThat(repository.predictions).hasSize(1);
        assertThat(component("store_retry_buffer")).isEqualTo(ComponentHealth.Level.DEGRADED);
        assertThat(app.health().health().status()).isIn(Status.DEGRADED, Status.UNHEALTHY);

        assertThat(app.retryStore()).as("still failing").isZero();
        repository.failing = false;
        assertThat(app.retryStore()).isEqualTo(2);
        assertThat(repository.predictions).hasSize(3);
        assertThat(repository.predictions.values()).extracting(Prediction::alertId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(component("store_retry_buffer")).isEqualTo(ComponentHealth.Level.OK);
        assertThat(app.retryStore()).as("nothing left; the write was idempotent").isZero();
    }

    @Test
    void theBufferIsBoundedDroppingTheOldestAndCountingThem() {
        repository.failing = true;
        for (int n = 1; n <= 5; n++) {
            app.listener().onDelta(added(whale(n, 25)));
        }
        assertThat(publisher.alerts).as("every whale alerted").hasSize(5);
        assertThat(app.health().health().components().get("store_retry_buffer").detail())
                .startsWith("3 of 3 predictions waiting").contains("2 dropped");
        repository.failing = false;
        assertThat(app.retryStore()).isEqualTo(3);
        assertThat(repository.predictions.values()).extracting(p -> p.txid().value())
                .containsExactlyInAnyOrder(Txs.txid(3).value(), Txs.txid(4).value(), Txs.txid(5).value());
    }

    @Test
    void aReannouncedWhaleIsNotAlertedTwiceWhileTheStoreFails() {
        repository.failing = true;
        app.listener().onDelta(added(whale(1, 25)));
        app.listener().onDelta(added(whale(1, 25)));
        assertThat(publisher.alerts).hasSize(1);
    }

    private ComponentHealth.Level component(String name) {
        return app.health().health().components().get(name).level();
    }
}
