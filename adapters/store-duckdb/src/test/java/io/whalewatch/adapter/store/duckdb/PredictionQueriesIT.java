package io.whalewatch.adapter.store.duckdb;

import static io.whalewatch.testkit.store.StoreFixtures.confirmed;
import static io.whalewatch.testkit.store.StoreFixtures.provisionalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries;
import io.whalewatch.application.port.out.PredictionQueries.Bucket;
import io.whalewatch.application.port.out.PredictionQueries.FlowBucket;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import io.whalewatch.application.port.out.PredictionQueries.VolumeBucket;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API's queries on a real DuckDB file: every filter, keyset paging, outcomes, flow and volume buckets. */
class PredictionQueriesIT {
    static final Instant T0 = Instant.parse("2026-11-20T10:15:00Z");
    @TempDir
    Path dir;
    DuckDbPredictionRepository repo;
    PredictionQueries queries;

    static Prediction whale(long alertId, FlowType type, List<String> exchanges, double btc, double urgency,
            Instant at, Set<SignalFlag> flags) {
        TxId txid = Predictions.txid(alertId);
        FlowClassification flow = type == FlowType.UNKNOWN ? FlowClassification.unknown()
                : new FlowClassification(type, exchanges, List.of("addr" + alertId), 0.8);
        return new Prediction(PredictionId.forTransaction(txid), alertId, txid,
                TransferAmount.allTransferred(Satoshis.ofBtc(btc)), flow, FeeRate.of(10), UrgencyScore.of(urgency),
                false, at, 900_000, 900_001, flags, OptionalDouble.of(90_000));
    }

    @BeforeEach
    void open() {
        repo = DuckDbPredictionRepository.open(dir.resolve("q.db"), Clock.systemUTC());
        queries = repo.port(PredictionQueries.class).orElseThrow();
        repo.saveAll(List.of(
                whale(1, FlowType.INFLOW, List.of("Binance"), 100, 0.2, T0, Set.of()),
                whale(2, FlowType.OUTFLOW, List.of("Kraken"), 200, 0.5, T0.plusSeconds(600), Set.of()),
                whale(3, FlowType.INTERNAL, List.of("Binance", "Kraken"), 300, 0.9, T0.plusSeconds(3600), Set.of()),
                whale(4, FlowType.UNKNOWN, List.of(), 400, 0.1, T0.plusSeconds(7200), Set.of(SignalFlag.CONSOLIDATION)),
                whale(5, FlowType.INFLOW, List.of("Binance"), 150, 0.7, T0.plusSeconds(86_400), Set.of(SignalFlag.SELF_TRANSFER))));
        Prediction p1 = repo.findByTxid(Predictions.txid(1)).orElseThrow();
        Prediction p2 = repo.findByTxid(Predictions.txid(2)).orElseThrow();
        Prediction p3 = repo.findByTxid(Predictions.txid(3)).orElseThrow();
        repo.saveOutcomes(List.of(confirmed(p1, 900_001, T0.plusSeconds(500)),
                replaced(p2, Predictions.txid(99), T0.plusSeconds(700)), provisionalDrop(p3, T0.plusSeconds(4000))));
    }

    @AfterEach
    void close() {
        repo.close();
    }

    List<Long> ids(UnaryOperator<PredictionCriteria> change) {
        PredictionCriteria c = change.apply(PredictionCriteria.all(100));
        return queries.find(c).stream().map(s -> s.prediction().alertId()).toList();
    }

    static PredictionCriteria with(PredictionCriteria c, Set<FlowType> types, Set<String> exchanges, Set<String> statuses,
            Set<SignalFlag> flags) {
        return new PredictionCriteria(c.from(), c.to(), types, c.minBtc(), c.maxBtc(), c.minUrgency(), exchanges,
                statuses, flags, c.beforeAlertId(), c.limit());
    }

    @Test
    void everyFilterNarrowsTheListNewestFirst() {
        assertThat(ids(c -> c)).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(ids(c -> with(c, Set.of(FlowType.INFLOW, FlowType.OUTFLOW), Set.of(), Set.of(), Set.of()))).containsExactly(5L, 2L, 1L);
        assertThat(ids(c -> with(c, Set.of(), Set.of("kraken"), Set.of(), Set.of()))).containsExactly(3L, 2L);
        assertThat(ids(c -> with(c, Set.of(), Set.of("BINANCE", "Nope"), Set.of(), Set.of()))).containsExactly(5L, 3L, 1L);
        assertThat(ids(c -> with(c, Set.of(), Set.of(), Set.of("pending"), Set.of()))).containsExactly(5L, 4L);
        assertThat(ids(c -> with(c, Set.of(), Set.of(), Set.of("confirmed", "dropped"), Set.of()))).containsExactly(3L, 1L);
        assertThat(ids(c -> with(c, Set.of(), Set.of(), Set.of("pending", "replaced"), Set.of()))).containsExactly(5L, 4L, 2L);
        assertThat(ids(c -> with(c, Set.of(), Set.of(), Set.of(), Set.of(SignalFlag.CONSOLIDATION)))).containsExactly(4L);
        assertThat(ids(c -> new PredictionCriteria(Optional.of(T0.plusSeconds(600)), Optional.of(T0.plusSeconds(7200)),
                Set.of(), OptionalDouble.of(150), OptionalDouble.of(300), OptionalDouble.of(0.5), Set.of(), Set.of(), Set.of(), 0, 10)))
                .containsExactly(3L, 2L);
        assertThat(ids(c -> new PredictionCriteria(Optional.empty(), Optional.empty(), Set.of(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.of(0.7), Set.of(), Set.of(), Set.of(), 0, 10))).containsExactly(5L, 3L);
    }

    @Test
    void keysetPagesCoverEverythingOnceEvenWhenNewAlertsArrive() {
        List<Long> seen = new ArrayList<>();
        PredictionCriteria c = PredictionCriteria.all(2);
        List<StoredPrediction> page = queries.find(c);
        while (!page.isEmpty()) {
            page.forEach(s -> seen.add(s.prediction().alertId()));
            if (seen.size() == 2) { // a new alert between pages must not shift the next page
                repo.saveAll(List.of(whale(6, FlowType.INFLOW, List.of("OKX"), 120, 0.3, T0.plusSeconds(90_000), Set.of())));
            }
            page = queries.find(c.page(seen.get(seen.size() - 1), 2));
        }
        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void findByTxidOrPredictionIdCarriesTheOutcome() {
        StoredPrediction byTxid = queries.findById(Predictions.txid(1).value()).orElseThrow();
        assertThat(byTxid.outcome().status()).isEqualTo("confirmed");
        assertThat(byTxid.outcome().confirmationBlock()).hasValue(900_001);
        assertThat(byTxid.outcome().blocksOff()).hasValue(0);
        assertThat(byTxid.outcome().timeToConfirmationSeconds()).hasValue(500);
        assertThat(byTxid.outcome().accurate()).contains(true);
        assertThat(byTxid.outcome().determinedAt()).contains(T0.plusSeconds(500));

        StoredPrediction replaced = queries.findById(byId(2)).orElseThrow();
        assertThat(replaced.outcome().status()).isEqualTo("replaced");
        assertThat(replaced.outcome().replacedBy()).contains(Predictions.txid(99));
        assertThat(replaced.outcome().accurate()).isEmpty();
        StoredPrediction dropped = queries.findById(byId(3)).orElseThrow();
        assertThat(dropped.outcome().provisional()).isTrue();
        assertThat(queries.findById(byId(4)).orElseThrow().outcome().status()).isEqualTo("pending");
        assertThat(queries.findById(Predictions.txid(77).value())).isEmpty();
        assertThat(queries.findById("x' OR '1'='1")).isEmpty();
    }

    static String byId(long alertId) {
        return PredictionId.forTransaction(Predictions.txid(alertId)).value();
    }

    @Test
    void flowsCountEachNamedExchangeByDirectionPerHourAndExcludeUnknown() {
        List<FlowBucket> hourly = queries.flows(Bucket.HOUR, T0.minusSeconds(3600), T0.plusSeconds(2 * 86_400));
        Instant h10 = Instant.parse("2026-11-20T10:00:00Z");
        Instant h11 = Instant.parse("2026-11-20T11:00:00Z");
        assertThat(hourly).containsExactly(
                new FlowBucket(h10, "Binance", 100, 0, 0, 1),
                new FlowBucket(h10, "Kraken", 0, 200, 0, 1),
                new FlowBucket(h11, "Binance", 0, 0, 300, 1),
                new FlowBucket(h11, "Kraken", 0, 0, 300, 1),
                new FlowBucket(Instant.parse("2026-11-21T10:00:00Z"), "Binance", 150, 0, 0, 1));
        List<FlowBucket> daily = queries.flows(Bucket.DAY, T0.minusSeconds(86_400), T0.plusSeconds(2 * 86_400));
        assertThat(daily).containsExactly(
                new FlowBucket(Instant.parse("2026-11-20T00:00:00Z"), "Binance", 100, 0, 300, 2),
                new FlowBucket(Instant.parse("2026-11-20T00:00:00Z"), "Kraken", 0, 200, 300, 2),
                new FlowBucket(Instant.parse("2026-11-21T00:00:00Z"), "Binance", 150, 0, 0, 1));
        assertThat(queries.flows(Bucket.HOUR, T0.plusSeconds(1), T0.plusSeconds(600))).isEmpty(); // [from, to)
    }

    @Test
    void volumeCountsEveryWhalePerBucket() {
        List<VolumeBucket> daily = queries.volume(Bucket.DAY, T0.minusSeconds(86_400), T0.plusSeconds(2 * 86_400));
        assertThat(daily).containsExactly(new VolumeBucket(Instant.parse("2026-11-20T00:00:00Z"), 4, 1000),
                new VolumeBucket(Instant.parse("2026-11-21T00:00:00Z"), 1, 150));
        List<VolumeBucket> hourly = queries.volume(Bucket.HOUR, T0, T0.plusSeconds(7201));
        assertThat(hourly).extracting(VolumeBucket::alerts).containsExactly(2L, 1L, 1L);
    }
}
