package io.whalewatch.testkit;

import static io.whalewatch.testkit.store.StoreFixtures.confirmed;
import static io.whalewatch.testkit.store.StoreFixtures.finalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.inflowAt;
import static io.whalewatch.testkit.store.StoreFixtures.provisionalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.replaced;
import static io.whalewatch.testkit.store.StoreFixtures.richOutflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PredictionRepository} must show. An adapter's test extends this
 * class and supplies a fresh, empty repository per test.
 */
public abstract class PredictionRepositoryContract {
    /** A moment the fixtures are placed around. */
    protected static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    protected PredictionRepository repository;

    /** A new repository with no data; closed by the contract after each test. */
    protected abstract PredictionRepository newEmptyRepository();

    @BeforeEach
    void openRepository() {
        repository = newEmptyRepository();
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    @Test
    void every_field_survives_a_round_trip() {
        Prediction rich = richOutflow(7, T0.plusNanos(123_456_789)); // Clock.systemUTC() may give nanoseconds
        Prediction plain = Predictions.unknownConsolidation(8, 250.5);
        Prediction inflow = Predictions.inflow(9, 1_000.00000001);

        repository.saveAll(List.of(rich, plain, inflow));

        assertThat(repository.findByTxid(rich.txid())).contains(rich);
        assertThat(repository.findByTxid(plain.txid())).contains(plain);
        assertThat(repository.findByTxid(inflow.txid())).contains(inflow);
        assertThat(repository.findByTxid(Predictions.txid(999_999))).isEmpty();
    }

    @Test
    void save_returns_only_the_new_predictions_and_is_idempotent() {
        Prediction a = inflowAt(1, T0);
        Prediction b = inflowAt(2, T0.plusSeconds(1));
        Prediction c = inflowAt(3, T0.plusSeconds(2));

        assertThat(repository.saveAll(List.of(a, b))).containsExactly(a, b);
        assertThat(repository.saveAll(List.of(a, b))).isEmpty();
        assertThat(repository.saveAll(List.of(b, c, c))).containsExactly(c);
        assertThat(repository.saveAll(List.of())).isEmpty();

        assertThat(repository.findAfterAlertId(0, 100)).containsExactly(a, b, c);
    }

    @Test
    void last_alert_id_is_zero_when_empty_then_the_highest_stored() {
        assertThat(repository.lastAlertId()).isZero();

        repository.saveAll(List.of(inflowAt(5, T0), inflowAt(3, T0.plusSeconds(1))));

        assertThat(repository.lastAlertId()).isEqualTo(5);
    }

    @Test
    void predictions_after_an_alert_id_come_in_alert_order_up_to_the_limit() {
        List<Prediction> shuffled = List.of(inflowAt(3, T0), inflowAt(1, T0), inflowAt(5, T0), inflowAt(2, T0),
                inflowAt(4, T0));
        repository.saveAll(shuffled);

        assertThat(repository.findAfterAlertId(1, 2)).extracting(Prediction::alertId).containsExactly(2L, 3L);
        assertThat(repository.findAfterAlertId(0, 10)).extracting(Prediction::alertId)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(repository.findAfterAlertId(5, 10)).isEmpty();
        assertThat(repository.findAfterAlertId(0, 0)).isEmpty();
    }

    @Test
    void unresolved_means_no_outcome_a_provisional_drop_or_a_pending_replacement_oldest_first() {
        Prediction noOutcome = inflowAt(1, T0.plusSeconds(50));
        Prediction mined = inflowAt(2, T0.plusSeconds(10));
        Prediction provisional = inflowAt(3, T0.plusSeconds(5));
        Prediction dropped = inflowAt(4, T0.plusSeconds(1));
        Prediction rbf = inflowAt(5, T0.plusSeconds(20));
        repository.saveAll(List.of(noOutcome, mined, provisional, dropped, rbf));

        Instant later = T0.plusSeconds(600);
        repository.saveOutcomes(List.of(confirmed(mined, mined.predictedHeight(), later), provisionalDrop(provisional, later),
                finalDrop(dropped, later), replaced(rbf, Predictions.txid(77), later)));

        assertThat(repository.findUnresolved(10)).containsExactly(provisional, rbf, noOutcome);
        assertThat(repository.findUnresolved(2)).containsExactly(provisional, rbf);
    }

    @Test
    void a_later_outcome_replaces_an_earlier_one() {
        Prediction p = inflowAt(1, T0);
        repository.saveAll(List.of(p));

        repository.saveOutcomes(List.of(provisionalDrop(p, T0.plusSeconds(60))));
        assertThat(repository.findUnresolved(10)).containsExactly(p);

        repository.saveOutcomes(List.of(confirmed(p, p.predictedHeight() + 3, T0.plusSeconds(1200))));
        assertThat(repository.findUnresolved(10)).isEmpty();

        repository.saveOutcomes(List.of(provisionalDrop(p, T0.plusSeconds(1300))));
        assertThat(repository.findUnresolved(10)).containsExactly(p);
        repository.saveOutcomes(List.of());
    }

    @Test
    void health_is_connected_while_open_and_failing_once_closed() {
        assertThat(repository.health().healthy()).isTrue();
        assertThat(repository.health().description()).isEqualTo("connected");

        repository.close();

        assertThat(repository.health().healthy()).isFalse();
    }
}
