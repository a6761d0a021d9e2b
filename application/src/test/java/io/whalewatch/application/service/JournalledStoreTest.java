package io.whalewatch.application.service;

import static io.whalewatch.application.service.Txs.added;
import static io.whalewatch.application.service.Txs.whale;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.MonitoringSettings;
import io.whalewatch.application.ResilienceSettings;
import io.whalewatch.application.fakes.FakeMempoolSource;
import io.whalewatch.application.fakes.InMemoryPredictionJournal;
import io.whalewatch.application.fakes.InMemoryPredictionRepository;
import io.whalewatch.application.fakes.MapAddressBook;
import io.whalewatch.application.fakes.MutableClock;
import io.whalewatch.application.fakes.RecordingPublisher;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.fee.RecommendedFees;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a journal, whales are published once journalled and stored by the writer thread; nothing is
 * lost when the store lags, fails, or the process stops before the store has them.
 */
class JournalledStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private final InMemoryPredictionJournal journal = new InMemoryPredictionJournal();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private ServiceAssembly app;

    private ServiceAssembly start(InMemoryPredictionRepository repository) {
        return start(repository, ResilienceSettings.defaults().storeWriteInterval());
    }

    private ServiceAssembly start(InMemoryPredictionRepository repository, Duration writeInterval) {
        repository.journal = journal;
        ResilienceSettings fastRetry = new ResilienceSettings(100, Duration.ofMillis(50), Long.MAX_VALUE, Long.MAX_VALUE,
                Duration.ofHours(1), 0, 0, writeInterval);
        ServiceAssembly a = new ServiceAssembly(new MutableClock(T0), DetectionSettings.defaults(WhaleThreshold.ofBtc(100)),
                repository, new MapAddressBook(Map.of()), new FakeMempoolSource(),
                MonitoringPorts.inMemory(MonitoringSettings.defaults()), fastRetry, null);
        a.attach(publisher);
        a.listener().onBlock(new Block(890_000, "00ab", T0));
        a.listener().onRecommendedFees(new RecommendedFees(20, 15, 10, 5, 1));
        a.start();
        return a;
    }

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aWhaleIsPublishedOnceJournalledBeforeTheStoreHasItAndStoredSoonAfter() {
        InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
        CountDownLatch gate = new CountDownLatch(1);
        repository.saveGate = gate;
        app = start(repository);

        app.listener().onDelta(added(whale(1, 25)));

        assertThat(publisher.alerts).extracting(Prediction::alertId).containsExactly(1L);
        assertThat(journal.unsettled()).extracting(Prediction::alertId).containsExactly(1L);
        assertThat(repository.predictions).as("the store has not written it yet").isEmpty();
        assertThat(app.predictions().list(new ListPredictionsUseCase.Query(0, 10)))
                .as("a resuming client sees the alerted, not yet stored prediction")
                .extracting(Prediction::alertId).containsExactly(1L);

        gate.countDown();
        await(() -> repository.predictions.size() == 1 && journal.unsettled().isEmpty(), "stored and settled");
        assertThat(app.predictions().list(new ListPredictionsUseCase.Query(0, 10))).extracting(Prediction::alertId)
                .as("listed once, from the store").containsExactly(1L);
    }

    @Test
    void whenTheStoreFailsAlertsGoOnAndTheWriterCatchesUpFromTheJournal() {
        InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
        repository.failing = true;
        app = start(repository);

        for (int n = 1; n <= 5; n++) {
            app.listener().onDelta(added(whale(n, 25)));
        }

        assertThat(publisher.alerts).extracting(Prediction::alertId).containsExactly(1L, 2L, 3L, 4L, 5L);
        await(() -> level("store_writer") == ComponentHealth.Level.DEGRADED, "the writer reports the failing store");
        assertThat(journal.unsettled()).hasSize(5);
        assertThat(app.predictions().list(new ListPredictionsUseCase.Query(2, 10))).extracting(Prediction::alertId)
                .containsExactly(3L, 4L, 5L);

        repository.failing = false;
        await(() -> repository.predictions.size() == 5 && journal.unsettled().isEmpty(), "caught up from the journal");
        await(() -> level("store_writer") == ComponentHealth.Level.OK, "healthy again");
    }

    @Test
    void whatThePreviousRunJournalledButNeverStoredIsStoredAtStartAndAlertIdsGoOn() {
        InMemoryPredictionRepository failing = new InMemoryPredictionRepository();
        failing.failing = true;
        app = start(failing);
        app.listener().onDelta(added(whale(1, 25), whale(2, 25)));
        app.listener().onDelta(added(whale(3, 25)));
        app.close(); // the store still fails at shutdown: the journal keeps the three
        app = null;
        assertThat(journal.unsettled()).hasSize(3);

        InMemoryPredictionRepository fresh = new InMemoryPredictionRepository();
        app = start(fresh);
        assertThat(fresh.predictions.values()).as("recovered before the pipeline starts")
                .extracting(Prediction::alertId).containsExactly(1L, 2L, 3L);
        assertThat(journal.unsettled()).isEmpty();

        app.listener().onDelta(added(whale(2, 25), whale(4, 25)));
        assertThat(publisher.alerts).extracting(Prediction::alertId)
                .as("the recovered whale 2 is tracked, so its re-announcement is no new alert; ids continue")
                .containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void alertIdsContinueAfterTheJournalEvenWhenTheStoreLostRows() {
        InMemoryPredictionRepository first = new InMemoryPredictionRepository();
        app = start(first);
        app.listener().onDelta(added(whale(1, 25), whale(2, 25)));
        await(() -> first.predictions.size() == 2, "stored");
        app.close();
        app = null;

        app = start(new InMemoryPredictionRepository()); // e.g. the database was restored from an older backup
        app.listener().onDelta(added(whale(7, 25)));
        assertThat(publisher.alerts).extracting(Prediction::alertId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void whenTheJournalFailsWhalesAreStoredBeforeTheyArePublished() {
        InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
        app = start(repository);
        journal.failing = true;

        app.listener().onDelta(added(whale(1, 25)));

        assertThat(publisher.alerts).hasSize(1);
        assertThat(repository.predictions).as("stored synchronously").hasSize(1);
    }

    @Test
    void closingStoresEverythingQueued() {
        InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
        app = start(repository);
        for (int n = 1; n <= 200; n++) {
            app.listener().onDelta(added(whale(n, 25)));
        }
        app.close();
        app = null;
        assertThat(repository.predictions).hasSize(200);
        assertThat(journal.unsettled()).isEmpty();
        assertThat(journal.appends).as("one journal append per frame").isEqualTo(200);
    }

    @Test
    void batchesThatFollowAWriteCloselyWaitForTheWriteIntervalAndGoIntoOneTransaction() throws InterruptedException {
        InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
        app = start(repository, Duration.ofSeconds(3));

        long sent = System.nanoTime();
        app.listener().onDelta(added(whale(1, 25)));
        await(() -> repository.predictions.size() == 1, "the first whale stored");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("a writer idle for longer than the interval writes at once")
                .isLessThan(Duration.ofSeconds(2));

        for (int n = 2; n <= 6; n++) {
            app.listener().onDelta(added(whale(n, 25)));
        }
        assertThat(publisher.alerts).as("alerted at once").hasSize(6);
        Thread.sleep(500);
        assertThat(repository.predictions).as("half a second after the first write, within its interval").hasSize(1);
        assertThat(app.predictions().list(new ListPredictionsUseCase.Query(0, 10)))
                .as("a resuming client sees the waiting ones meanwhile").hasSize(6);

        await(() -> repository.predictions.size() == 6 && journal.unsettled().isEmpty(), "stored once the interval passed");
        assertThat(repository.saveCalls).as("the five frames after the first write in one transaction").hasValue(2);
    }

    @Test
    void closingEndsTheWaitForTheIntervalAndStoresWhatWasGathered() {
        InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
        app = start(repository, Duration.ofSeconds(60));
        app.listener().onDelta(added(whale(1, 25)));
        await(() -> repository.predictions.size() == 1, "the first whale stored");
        app.listener().onDelta(added(whale(2, 25)));
        app.listener().onDelta(added(whale(3, 25)));

        long closing = System.nanoTime();
        app.close();
        app = null;

        assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("closing does not wait out the 60 s interval")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(repository.predictions).hasSize(3);
        assertThat(journal.unsettled()).isEmpty();
    }

    private ComponentHealth.Level level(String name) {
        return app.health().health().components().get(name).level();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
