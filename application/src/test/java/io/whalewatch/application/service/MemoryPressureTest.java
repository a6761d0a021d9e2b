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
import io.whalewatch.application.port.in.GetHealthUseCase.Status;
import io.whalewatch.application.port.in.GetMemoryStatusUseCase.Pressure;
import io.whalewatch.application.port.in.RelieveMemoryPressureUseCase;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.ProcessMemory;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.fee.RecommendedFees;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Memory above the threshold sheds the dedupe set and tracked whales down to their floors; health follows the level. */
class MemoryPressureTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final long MB = 1024 * 1024;
    private final InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
    private volatile long rss = 100 * MB;
    private ServiceAssembly app;

    @BeforeEach
    void wire() {
        ResilienceSettings limits = new ResilienceSettings(10, Duration.ofHours(1), 400 * MB, 500 * MB, Duration.ofHours(1), 2, 3, Duration.ZERO);
        ProcessMemory memory = () -> new ProcessMemory.Usage(rss, 50 * MB, 320 * MB);
        app = new ServiceAssembly(new MutableClock(T0), DetectionSettings.defaults(WhaleThreshold.ofBtc(100)), repository,
                new MapAddressBook(Map.of()), new FakeMempoolSource(), MonitoringPorts.inMemory(MonitoringSettings.defaults()),
                limits, memory);
        app.listener().onBlock(new Block(890_000, "00ab", T0));
        app.listener().onRecommendedFees(new RecommendedFees(20, 15, 10, 5, 1));
        for (int n = 1; n <= 8; n++) {
            app.listener().onDelta(added(whale(n, 25)));
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void belowTheThresholdNothingIsShed() {
        assertThat(app.memoryWatch().check().pressure()).isEqualTo(Pressure.NORMAL);
        app.listener().onDelta(Txs.empty());
        assertThat(app.outcomes().trackedCount()).isEqualTo(8);
        assertThat(app.health().health().components().get("memory").level()).isEqualTo(ComponentHealth.Level.OK);
    }

    @Test
    void aboveTheThresholdTrackedWhalesBeyondTheFloorAreEvictedAndHealthIsDegraded() {
        rss = 450 * MB;
        assertThat(app.memoryWatch().check().pressure()).isEqualTo(Pressure.HIGH);
        app.listener().onDelta(Txs.empty()); // the relief runs on the pipeline thread, at the next event
        assertThat(app.outcomes().trackedCount()).isEqualTo(3);
        assertThat(app.memory().memory().reliefs()).isEqualTo(1);
        assertThat(app.health().health().status()).isEqualTo(Status.DEGRADED);
        assertThat(repository.findUnresolved(100)).as("evicted whales stay unresolved in the store").hasSize(8);
    }

    @Test
    void aboveTheMaximumTheServiceIsUnhealthy() {
        rss = 510 * MB;
        app.memoryWatch().check();
        assertThat(app.health().health().components().get("memory").level()).isEqualTo(ComponentHealth.Level.DOWN);
        assertThat(app.health().health().status()).isEqualTo(Status.UNHEALTHY);
    }

    @Test
    void theDedupeSetShrinksToItsFloor() {
        RecentTransactions recent = new RecentTransactions(1_000);
        for (int i = 0; i < 10; i++) {
            recent.firstSighting("tx" + i);
        }
        assertThat(recent.shrinkTo(2)).isEqualTo(8);
        assertThat(recent.firstSighting("tx9")).as("the newest are kept").isFalse();
        assertThat(recent.firstSighting("tx0")).as("the oldest went").isTrue();
    }

    /** A full collection stops every thread; it is requested only when the relief freed something. */
    @Test
    void aCollectionIsRequestedOnlyWhenTheReliefShedSomething() {
        ResilienceSettings limits = new ResilienceSettings(10, Duration.ofHours(1), 400 * MB, 500 * MB, Duration.ofHours(1), 2, 3, Duration.ZERO);
        PipelineInbox inbox = new PipelineInbox();
        java.util.concurrent.atomic.AtomicInteger collections = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<RelieveMemoryPressureUseCase.Relief> next =
                new java.util.concurrent.atomic.AtomicReference<>(new RelieveMemoryPressureUseCase.Relief(0, 0));
        try (MemoryWatch watch = new MemoryWatch(() -> new ProcessMemory.Usage(450 * MB, 50 * MB, 288 * MB), limits, inbox,
                next::get, collections::incrementAndGet)) {
            watch.check();
            inbox.drain();
            assertThat(watch.memory().reliefs()).isEqualTo(1);
            assertThat(collections.get()).as("nothing shed: no full collection").isZero();
        }
        try (MemoryWatch watch = new MemoryWatch(() -> new ProcessMemory.Usage(450 * MB, 50 * MB, 288 * MB), limits, inbox,
                next::get, collections::incrementAndGet)) {
            next.set(new RelieveMemoryPressureUseCase.Relief(5, 1));
            watch.check();
            inbox.drain();
            assertThat(watch.memory().reliefs()).isEqualTo(1);
            assertThat(collections.get()).as("entries shed: collected").isEqualTo(1);
        }
    }
}
