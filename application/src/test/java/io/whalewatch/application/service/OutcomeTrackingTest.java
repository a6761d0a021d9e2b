package io.whalewatch.application.service;

import static io.whalewatch.application.service.Txs.added;
import static io.whalewatch.application.service.Txs.id;
import static io.whalewatch.application.service.Txs.mined;
import static io.whalewatch.application.service.Txs.removed;
import static io.whalewatch.application.service.Txs.replacedBy;
import static io.whalewatch.application.service.Txs.replacedByUnknown;
import static io.whalewatch.application.service.Txs.txid;
import static io.whalewatch.application.service.Txs.whale;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.DetectionSettings;
import io.whalewatch.application.MonitoringSettings;
import io.whalewatch.application.fakes.FakeMempoolSource;
import io.whalewatch.application.fakes.InMemoryPredictionRepository;
import io.whalewatch.application.fakes.MapAddressBook;
import io.whalewatch.application.fakes.MutableClock;
import io.whalewatch.application.fakes.RecordingPublisher;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.fee.RecommendedFees;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every outcome case through the real services (fakes for the ports), including restarts and timers. */
class OutcomeTrackingTest {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
    private final FakeMempoolSource source = new FakeMempoolSource();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<ServiceAssembly> started = new ArrayList<>();
    private ServiceAssembly app;
    private MempoolListener listener;

    @BeforeEach
    void wire() {
        start();
        listener.onRecommendedFees(new RecommendedFees(20, 15, 10, 5, 1));
    }

    private void start() {
        app = new ServiceAssembly(clock, DetectionSettings.defaults(WhaleThreshold.ofBtc(100)), repository,
                new MapAddressBook(Map.of()), source, MonitoringPorts.inMemory(MonitoringSettings.defaults()));
        app.attach(publisher);
        started.add(app);
        listener = app.listener();
        listener.onBlock(new Block(890_000, "00ab", T0));
    }

    @AfterEach
    void close() {
        started.forEach(ServiceAssembly::close);
    }

    private PredictionOutcome outcome(long n) {
        return repository.outcomes.get(id(n));
    }

    @Test
    void aReplacementRecordsItsTxidAndFeeBumpAndItsConfirmationClosesTheChainAsConfirmed() {
        listener.onDelta(added(whale(1, 25)));                      // predicted 890_001 (next block)
        listener.onDelta(replacedBy(1, whale(7, 40)));
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Replaced(txid(7), T0, OptionalDouble.of(15.0)));
        assertThat(outcome(1).accurate()).isEmpty();
        listener.onBlock(new Block(890_002, "00cd", T0));
        clock.advance(Duration.ofMinutes(20));
        listener.onDelta(mined(7));
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Confirmed(890_002, T0.plusSeconds(1200), 1));
        assertThat(outcome(1).accurate()).as("one block late is within the tolerance").contains(true);
        assertThat(outcome(7).outcome()).as("the replacement's own prediction").isInstanceOf(Outcome.Confirmed.class);
        assertThat(app.outcomes().trackedCount()).isZero();
    }

    @Test
    void aChainOfReplacementsIsJudgedAgainstTheOriginalHeight() {
        listener.onDelta(added(whale(1, 25)));
        listener.onDelta(replacedByUnknown(1, 8));
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Replaced(txid(8), T0, OptionalDouble.empty()));
        listener.onDelta(replacedByUnknown(8, 9));
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Replaced(txid(9), T0, OptionalDouble.empty()));
        listener.onDelta(removed(8));                                 // the middle link leaving changes nothing
        listener.onBlock(new Block(890_003, "00ef", T0));
        listener.onDelta(mined(9));
        assertThat(outcome(1).outcome()).isInstanceOfSatisfying(Outcome.Confirmed.class, c -> assertThat(c.blocksOff()).isEqualTo(2));
        assertThat(outcome(1).accurate()).contains(false);
    }

    @Test
    void aProvisionalDropBecomesFinalOnlyAfterTheHorizon() {
        listener.onDelta(added(whale(1, 25)));
        listener.onDelta(removed(1));
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Dropped(true, T0));
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(app.finalizeDueDrops()).isZero();
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Dropped(true, T0));
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.finalizeDueDrops()).isEqualTo(1);
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Dropped(false, T0));
        assertThat(outcome(1).accurate()).contains(false);
        assertThat(outcome(1).recordedAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(publisher.updates).extracting(u -> u.outcome()).containsExactly(new Outcome.Dropped(true, T0), new Outcome.Dropped(false, T0));
        assertThat(app.outcomes().trackedCount()).isZero();
    }

    @Test
    void aProvisionalDropThatConfirmsBecomesConfirmedAndIsNeverFinalised() {
        listener.onDelta(added(whale(1, 25)));
        listener.onDelta(removed(1));
        listener.onBlock(new Block(890_001, "00cd", T0));
        listener.onDelta(mined(1));
        assertThat(outcome(1).outcome()).isInstanceOf(Outcome.Confirmed.class);
        assertThat(outcome(1).accurate()).contains(true);
        clock.advance(Duration.ofDays(2));
        assertThat(app.finalizeDueDrops()).isZero();
    }

    @Test
    void aMinedConflictMakesTheDropFinalAtOnceAndAReturnToTheMempoolStopsTheHorizon() throws Exception {
        listener.onDelta(added(whale(1, 25), whale(2, 25)));
        listener.onDelta(removed(1, 2));
        source.lookups.put(txid(1), new TransactionStatus.Conflicted(txid(66), 890_001));
        source.lookups.put(txid(2), new TransactionStatus.InMempool());
        listener.onResyncNeeded(MempoolListener.ResyncReason.RECONNECT);
        awaitOutcome(1, o -> o.outcome() instanceof Outcome.Dropped d && !d.provisional());
        assertThat(outcome(1).outcome()).isEqualTo(new Outcome.Dropped(false, T0));
        clock.advance(Duration.ofHours(25));
        awaitInboxDrained();
        assertThat(app.finalizeDueDrops()).as("txid 2 is back in the mempool").isZero();
        assertThat(app.outcomes().trackedCount()).isEqualTo(1);
    }

    @Test
    void aRestartResumesReplacementsAndProvisionalDropsWhereTheyWere() {
        listener.onDelta(added(whale(1, 25), whale(2, 25)));
        listener.onDelta(replacedByUnknown(1, 7));
        listener.onDelta(removed(2));
        source.lookups.put(txid(2), new TransactionStatus.NotFound());
        source.lookups.put(txid(7), new TransactionStatus.InMempool());
        clock.advance(Duration.ofHours(12));
        start();                                                     // a new process over the same store
        assertThat(app.outcomes().trackedCount()).isEqualTo(2);
        listener.onBlock(new Block(890_001, "00cd", T0));
        listener.onDelta(mined(7));
        assertThat(outcome(1).outcome()).isInstanceOf(Outcome.Confirmed.class);
        clock.advance(Duration.ofHours(11));
        assertThat(app.finalizeDueDrops()).as("the horizon counts from the original drop").isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(app.finalizeDueDrops()).isEqualTo(1);
        assertThat(outcome(2).outcome()).isEqualTo(new Outcome.Dropped(false, T0));
    }

    private void awaitOutcome(long n, java.util.function.Predicate<PredictionOutcome> done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while ((outcome(n) == null || !done.test(outcome(n))) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
            listener.onDelta(Txs.empty());
        }
    }

    /** Lets the resync finish posting and applies what it posted. */
    private void awaitInboxDrained() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Thread.sleep(10);
            listener.onDelta(Txs.empty());
        }
    }
}
