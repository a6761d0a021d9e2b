package io.whalewatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.fakes.FakeMempoolSource;
import io.whalewatch.application.fakes.InMemoryPredictionRepository;
import io.whalewatch.application.fakes.MapAddressBook;
import io.whalewatch.application.fakes.RecordingPublisher;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.SourceStatus;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.RecommendedFees;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The application wired with fakes: detection, persistence-before-publishing, dedupe, outcomes, health. */
class PipelineTest {
    private static final String BINANCE = "34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo";
    private final InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
    private final FakeMempoolSource source = new FakeMempoolSource();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private WhaleWatch app;
    private MempoolListener listener;
    private long sequence;

    @BeforeEach
    void wire() {
        app = build();
        listener = app.mempoolListener();
        listener.onBlock(new Block(890_000, "00ab", Instant.EPOCH));
    }

    private WhaleWatch build() {
        WhaleWatch ww = WhaleWatch.builder().clock(Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC))
                .repository(repository).source(source).addressBook(new MapAddressBook(Map.of(BINANCE, "Binance")))
                .settings(DetectionSettings.defaults(WhaleThreshold.ofBtc(100))).build();
        ww.attach(publisher);
        return ww;
    }

    @Test
    void aWhaleIsStoredThenPublishedWithItsFlowAndPrediction() {
        listener.onRecommendedFees(new RecommendedFees(20, 15, 10, 5, 1));
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 25.0), tx(2, "bc1qa", "bc1qb", 0.5, 25.0)));
        assertThat(publisher.alerts).singleElement().satisfies(p -> {
            assertThat(p.flow().type()).isEqualTo(FlowType.INFLOW);
            assertThat(p.flow().exchanges()).containsExactly("Binance");
            assertThat(p.alertId()).isEqualTo(1);
            assertThat(p.predictedHeight()).isEqualTo(890_001);
            assertThat(p.urgency().value()).isGreaterThan(0.85);
        });
        assertThat(repository.predictions).hasSize(1);
    }

    @Test
    void statsCountTransactionsWhalesAndDetectionLatency() {
        listener.onDelta(new MempoolDelta(++sequence, List.of(tx(1, "bc1quser", BINANCE, 250, 5)), 40, List.of(), List.of(), List.of(),
                Instant.parse("2026-11-22T11:59:59.997Z")));
        var stats = app.stats().stats();
        assertThat(stats.transactions()).isEqualTo(40);
        assertThat(stats.whales()).isEqualTo(1);
        assertThat(stats.tracked()).isEqualTo(1);
        assertThat(stats.detectionLatency().count()).isEqualTo(1);
        assertThat(stats.detectionLatency().maxSeconds()).isEqualTo(0.003);
        java.util.List<Double> bounds = stats.detectionLatency().boundsSeconds();
        assertThat(stats.detectionLatency().cumulativeCounts().get(bounds.indexOf(0.0025))).as("<= 2.5 ms bucket").isZero();
        assertThat(stats.detectionLatency().cumulativeCounts().get(bounds.indexOf(0.003))).as("<= 3 ms bucket").isEqualTo(1);
        assertThat(stats.detectionLatency().cumulativeCounts().get(bounds.indexOf(0.005))).as("<= 5 ms bucket").isEqualTo(1);
        assertThat(stats.detectionLatency().cumulativeCounts().get(bounds.indexOf(0.001))).as("<= 1 ms bucket").isZero();
        assertThat(stats.detectionStages()).extracting(s -> s.stage().label())
                .containsExactly("until_detection", "detection", "durable", "publication");
        assertThat(stats.detectionStages()).allSatisfy(s -> assertThat(s.latency().count()).as(s.stage().label()).isEqualTo(1));
        // the fixed clock says 3 ms passed since receipt; the stages measured with the real one took less
        double parts = stats.detectionStages().stream().mapToDouble(s -> s.latency().sumSeconds()).sum();
        assertThat(parts).isCloseTo(0.003, org.assertj.core.data.Offset.offset(0.0015));
    }

    @Test
    void withTheLatencyLoggerAtDebugEachPublishedWhaleLogsItsFramesReceiptAndItsPublicationInMicroseconds() {
        java.util.logging.Logger latency = java.util.logging.Logger.getLogger("io.whalewatch.latency"); // System.Logger's default backend
        List<String> lines = new java.util.ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        latency.addHandler(capture);
        try {
            listener.onDelta(new MempoolDelta(++sequence, List.of(tx(1, "bc1quser", BINANCE, 250, 5)), 1, List.of(), List.of(),
                    List.of(), Instant.parse("2026-11-22T11:59:59.997Z")));
            assertThat(lines).as("off by default").isEmpty();
            latency.setLevel(java.util.logging.Level.FINE);
            listener.onDelta(new MempoolDelta(++sequence, List.of(tx(2, "bc1quser", BINANCE, 300, 5)), 1, List.of(), List.of(),
                    List.of(), Instant.parse("2026-11-22T11:59:59.998123Z")));
        } finally {
            latency.removeHandler(capture);
            latency.setLevel(null);
        }
        long noon = Instant.parse("2026-11-22T12:00:00Z").getEpochSecond() * 1_000_000L;
        assertThat(lines).containsExactly("whale " + publisher.alerts.get(1).txid().value() + " alert 2 frame received "
                + (noon - 1_877) + " published " + noon + " (us since epoch)");
    }

    @Test
    void aBurstLatencyIsKnownToWithinTheBurstTargetsBuckets() {
        // 80 ms since receipt, as a whale in a queued resync frame: the buckets around the 100 ms target tell it from 100
        listener.onDelta(new MempoolDelta(++sequence, List.of(tx(1, "bc1quser", BINANCE, 250, 5)), 5_000, List.of(), List.of(), List.of(),
                Instant.parse("2026-11-22T11:59:59.920Z")));
        var latency = app.stats().stats().detectionLatency();
        java.util.List<Double> bounds = latency.boundsSeconds();
        assertThat(latency.cumulativeCounts().get(bounds.indexOf(0.075))).as("<= 75 ms bucket").isZero();
        assertThat(latency.cumulativeCounts().get(bounds.indexOf(0.1))).as("<= 100 ms bucket").isEqualTo(1);
        assertThat(bounds).as("every bound from 10 to 250 ms").containsSubsequence(0.01, 0.015, 0.025, 0.035, 0.05, 0.075, 0.1,
                0.15, 0.2, 0.25);
    }

    @Test
    void framesWithoutWhalesAddNothingToTheStages() {
        listener.onDelta(new MempoolDelta(++sequence, List.of(tx(2, "bc1qa", "bc1qb", 0.5, 5)), 1, List.of(), List.of(), List.of(),
                Instant.parse("2026-11-22T11:59:59.997Z")));
        assertThat(app.stats().stats().detectionStages()).allSatisfy(s -> assertThat(s.latency().count()).isZero());
    }

    @Test
    void aTransactionAnnouncedTwiceIsAlertedOnce() {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5), tx(3, "bc1qx", "bc1qy", 300, 5)));
        assertThat(publisher.alerts).extracting(Prediction::alertId).containsExactly(1L, 2L);
    }

    @Test
    void aWhaleIsPublishedFromMemoryWhenTheStoreFailsAndNotAgainWhenReannounced() {
        // since the store-retry buffer: alerts keep flowing while the store fails (see StoreFailureTest)
        repository.failing = true;
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        assertThat(publisher.alerts).hasSize(1);
        repository.failing = false;
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        assertThat(publisher.alerts).hasSize(1);
    }

    @Test
    void afterARestartAStoredPredictionIsNotAlertedAgainAndIdsContinue() {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        publisher.alerts.clear();
        WhaleWatch restarted = build();
        restarted.mempoolListener().onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5), tx(4, "bc1qc", "bc1qd", 120, 5)));
        assertThat(publisher.alerts).extracting(Prediction::alertId).containsExactly(2L);
        assertThat(restarted.outcomes().trackedCount()).isEqualTo(2);
    }

    @Test
    void minedWhaleIsConfirmedAtTheTipAndJudgedAccurate() {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        listener.onBlock(new Block(890_001, "00cd", Instant.EPOCH));
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(txid(1), txid(99)), List.of()));
        var outcome = repository.outcomes.values().iterator().next();
        assertThat(outcome.outcome()).isInstanceOfSatisfying(Outcome.Confirmed.class, c -> assertThat(c.height()).isEqualTo(890_001));
        assertThat(outcome.accurate()).contains(true);
        assertThat(publisher.updates).singleElement().satisfies(u -> assertThat(u.outcome().status()).isEqualTo("confirmed"));
    }

    @Test
    void replacedWhaleIsFollowedThroughItsReplacement() {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 1, List.of(txid(1)), List.of(), List.of(new Replacement(txid(1), txid(7)))));
        assertThat(repository.outcomes.values()).singleElement().satisfies(o -> assertThat(o.outcome()).isInstanceOf(Outcome.Replaced.class));
        listener.onBlock(new Block(890_010, "00ef", Instant.EPOCH)); // predicted 890_006 (5 sat/vB, no market): 4 blocks late
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(txid(7)), List.of()));
        assertThat(repository.outcomes.values()).singleElement().satisfies(o -> {
            assertThat(o.outcome()).isInstanceOf(Outcome.Confirmed.class);
            assertThat(o.accurate()).contains(false);
        });
    }

    @Test
    void aProvisionalDropThatConfirmsLaterBecomesConfirmed() {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(txid(1)), List.of(), List.of()));
        assertThat(repository.outcomes.values()).singleElement()
                .satisfies(o -> assertThat(o.outcome()).isEqualTo(new Outcome.Dropped(true, Instant.parse("2026-11-22T12:00:00Z"))));
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(txid(1)), List.of()));
        assertThat(repository.outcomes.values()).singleElement().satisfies(o -> assertThat(o.outcome()).isInstanceOf(Outcome.Confirmed.class));
    }

    @Test
    void aResyncResolvesTrackedWhalesFromTheRestApiOnThePipelineThread() throws Exception {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5), tx(2, "bc1qe", "bc1qf", 200, 5), tx(3, "bc1qg", "bc1qh", 150, 5)));
        source.lookups.put(txid(1), new io.whalewatch.application.port.out.TransactionStatus.Mined(890_004, Instant.parse("2026-11-22T12:30:00Z")));
        source.lookups.put(txid(2), new io.whalewatch.application.port.out.TransactionStatus.NotFound());
        listener.onResyncNeeded(MempoolListener.ResyncReason.SEQUENCE_GAP);
        long deadline = System.currentTimeMillis() + 5_000;
        while (repository.outcomes.size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(), List.of()));
        }
        assertThat(repository.outcomes.get(id(1)).outcome()).isInstanceOfSatisfying(Outcome.Confirmed.class,
                c -> assertThat(c.height()).isEqualTo(890_004));
        assertThat(repository.outcomes.get(id(2)).outcome()).isInstanceOf(Outcome.Dropped.class);
        assertThat(repository.outcomes).doesNotContainKey(id(3));
        assertThat(app.outcomes().trackedCount()).isEqualTo(2);
    }

    @Test
    void aWhaleReplacedDuringAnOutageIsRecordedAsReplacedAndItsReplacementsConfirmationClosesIt() throws Exception {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        source.lookups.put(txid(1), new io.whalewatch.application.port.out.TransactionStatus.Replaced(txid(8)));
        source.lookups.put(txid(8), new io.whalewatch.application.port.out.TransactionStatus.Mined(890_002, Instant.parse("2026-11-22T12:20:00Z")));
        listener.onResyncNeeded(MempoolListener.ResyncReason.RECONNECT);
        long deadline = System.currentTimeMillis() + 5_000;
        while (!(repository.outcomes.containsKey(id(1)) && repository.outcomes.get(id(1)).outcome() instanceof Outcome.Confirmed)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(), List.of()));
        }
        assertThat(publisher.updates).extracting(u -> u.outcome().status()).containsExactly("replaced", "confirmed");
        assertThat(repository.outcomes.get(id(1)).outcome()).isInstanceOfSatisfying(Outcome.Confirmed.class,
                c -> assertThat(c.height()).isEqualTo(890_002));
        assertThat(app.outcomes().trackedCount()).isZero();
    }

    @Test
    void unresolvedWhalesOfAPreviousRunAreRecheckedAtStartUp() throws Exception {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        source.lookups.put(txid(1), new io.whalewatch.application.port.out.TransactionStatus.Mined(890_002, Instant.EPOCH));
        try (WhaleWatch restarted = build()) {
            long deadline = System.currentTimeMillis() + 5_000;
            while (repository.outcomes.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
                restarted.mempoolListener().onBlock(new Block(890_002, "00aa", Instant.EPOCH));
            }
        }
        assertThat(repository.outcomes.get(id(1)).outcome()).isInstanceOf(Outcome.Confirmed.class);
    }

    @Test
    void theFirstEventAfterStartReChecksWhalesLeftUnresolvedByThePreviousRun() throws Exception {
        listener.onDelta(added(tx(5, "bc1quser", BINANCE, 250, 5)));
        int before = source.lookUps.get();
        try (WhaleWatch restarted = build()) {
            long startUpCheck = System.currentTimeMillis() + 5_000;
            while (source.lookUps.get() == before && System.currentTimeMillis() < startUpCheck) {
                Thread.sleep(5); // the start-up re-check has asked (and heard "in mempool")
            }
            assertThat(source.lookUps.get()).isGreaterThan(before);
            // mined while the stream was not yet subscribed: only a re-check after subscribing can see it
            source.lookups.put(txid(5), new io.whalewatch.application.port.out.TransactionStatus.Mined(890_003, Instant.EPOCH));
            long deadline = System.currentTimeMillis() + 5_000;
            while (repository.outcomes.isEmpty() && System.currentTimeMillis() < deadline) {
                restarted.mempoolListener().onBlock(new Block(890_003, "00bb", Instant.EPOCH));
                Thread.sleep(20);
            }
        }
        assertThat(repository.outcomes.get(id(5)).outcome()).isInstanceOf(Outcome.Confirmed.class);
    }

    private static String id(long n) {
        return io.whalewatch.domain.prediction.PredictionId.forTransaction(txid(n)).value();
    }

    @Test
    void aWhaleDeliveredAfterItsOwnBlockIsConfirmedFromWhatTheStreamAlreadySaid() {
        // e.g. a candidate whose inputs were fetched over REST while its block arrived
        listener.onBlock(new Block(890_001, "00cd", Instant.EPOCH));
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(txid(1)), List.of()));
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        assertThat(publisher.alerts).hasSize(1);
        assertThat(repository.outcomes.get(id(1)).outcome()).isInstanceOfSatisfying(Outcome.Confirmed.class,
                c -> assertThat(c.height()).isEqualTo(890_001));
        assertThat(app.outcomes().trackedCount()).isZero();
    }

    @Test
    void aReplacementThatIsAWhaleOfItsOwnAndArrivesAfterItsBlockIsConfirmedToo() {
        listener.onDelta(added(tx(1, "bc1quser", BINANCE, 250, 5)));
        // replaced by 9, whose own announcement is still being enriched over REST
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(txid(1)), List.of(), List.of(new Replacement(txid(1), txid(9)))));
        listener.onBlock(new Block(890_001, "00cd", Instant.EPOCH));
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(), List.of(txid(9)), List.of()));
        assertThat(repository.outcomes.get(id(1)).outcome()).isInstanceOf(Outcome.Confirmed.class);
        listener.onDelta(added(tx(9, "bc1quser", BINANCE, 250, 6)));
        assertThat(repository.outcomes.get(id(9)).outcome()).isInstanceOfSatisfying(Outcome.Confirmed.class,
                c -> assertThat(c.height()).isEqualTo(890_001));
        assertThat(app.outcomes().trackedCount()).isZero();
    }

    @Test
    void aWhaleDeliveredAfterItWasEvictedIsProvisionallyDropped() {
        listener.onDelta(new MempoolDelta(++sequence, List.of(), 0, List.of(txid(2)), List.of(), List.of()));
        listener.onDelta(added(tx(2, "bc1quser", BINANCE, 250, 5)));
        assertThat(repository.outcomes.get(id(2)).outcome()).isInstanceOfSatisfying(Outcome.Dropped.class,
                d -> assertThat(d.provisional()).isTrue());
    }

    @Test
    void healthFollowsTheWorstComponent() {
        assertThat(app.health().health().status()).isEqualTo(GetHealthUseCase.Status.HEALTHY);
        source.status = new SourceStatus(false, "fake", Optional.empty(), 0, 0, 0, 3, 2);
        GetHealthUseCase.HealthReport degraded = app.health().health();
        assertThat(degraded.status()).isEqualTo(GetHealthUseCase.Status.DEGRADED);
        assertThat(degraded.gapsDetected()).isEqualTo(3);
        repository.failing = true;
        assertThat(app.health().health().status()).isEqualTo(GetHealthUseCase.Status.UNHEALTHY);
        assertThat(app.health().health().database()).isEqualTo("disk full");
    }

    private MempoolDelta added(MempoolTransaction... txs) {
        return new MempoolDelta(++sequence, List.of(txs), txs.length, List.of(), List.of(), List.of());
    }

    private static TxId txid(long n) {
        return TxId.of(String.format("%064x", n));
    }

    private static MempoolTransaction tx(long n, String from, String to, double btc, double rate) {
        long sats = Satoshis.ofBtc(btc).value();
        return new MempoolTransaction(txid(n), List.of(TxInput.spending(from, sats + 10_000)), List.of(TxOutput.of(to, sats)),
                Satoshis.of(10_000), 200, FeeRate.of(rate), OptionalInt.empty(), Instant.EPOCH);
    }
}
