package io.whalewatch.adapter.store.duckdb;

import static io.whalewatch.testkit.store.StoreFixtures.inflowAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prediction_outcomes columns for each case, as an operator's SQL reads them. */
class OutcomeColumnsIT {
    private static final Instant DETECTED = Instant.parse("2026-11-22T10:00:00Z");
    @TempDir
    Path dir;

    @Test
    void aReplacementThenItsConfirmationKeepsReplacedByAndFeeBump() throws Exception {
        Path file = dir.resolve("o.db");
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            Prediction p = repo.saveAll(List.of(inflowAt(1, DETECTED))).get(0);            // predicted 890_001
            Instant replacedAt = DETECTED.plusSeconds(60);
            repo.saveOutcomes(List.of(new PredictionOutcome(p, new Outcome.Replaced(Predictions.txid(7), replacedAt, OptionalDouble.of(14.5)),
                    Optional.empty(), replacedAt)));
            assertRow(file, "replaced", false, null, null, null, null, Predictions.txid(7).value(), 14.5);
            Instant minedAt = DETECTED.plusSeconds(754);
            repo.saveOutcomes(List.of(new PredictionOutcome(p, new Outcome.Confirmed(890_003, minedAt, 2), Optional.of(false), minedAt)));
            assertRow(file, "confirmed", false, 2, 754, false, 0.0, Predictions.txid(7).value(), 14.5);
        }
    }

    @Test
    void dropsAreProvisionalThenFinalAndABlockTimeBeforeDetectionGivesZeroSeconds() throws Exception {
        Path file = dir.resolve("o.db");
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            Prediction p = repo.saveAll(List.of(inflowAt(1, DETECTED))).get(0);
            repo.saveOutcomes(List.of(new PredictionOutcome(p, new Outcome.Dropped(true, DETECTED), Optional.empty(), DETECTED)));
            assertRow(file, "dropped", true, null, null, null, null, null, null);
            repo.saveOutcomes(List.of(new PredictionOutcome(p, new Outcome.Dropped(false, DETECTED), Optional.of(false), DETECTED.plusSeconds(86_400))));
            assertRow(file, "dropped", false, null, null, false, 0.0, null, null);
            Prediction q = repo.saveAll(List.of(inflowAt(2, DETECTED))).get(0);
            repo.saveOutcomes(List.of(new PredictionOutcome(q, new Outcome.Confirmed(890_001, DETECTED.minusSeconds(90), 0), Optional.of(true), DETECTED)));
        }
        try (Connection c = TestDb.readOnly(file); Statement st = c.createStatement()) {
            assertThat(TestDb.single(st, "SELECT time_to_confirmation FROM prediction_outcomes WHERE outcome_status = 'confirmed'")).isZero();
            assertThat(TestDb.single(st, "SELECT count(*) FROM prediction_outcomes WHERE accuracy_score = 1.0 AND prediction_accuracy")).isEqualTo(1);
        }
    }

    private static void assertRow(Path file, String status, boolean provisional, Integer blocksOff, Integer seconds, Boolean accurate,
            Double score, String replacedBy, Double feeBump) throws Exception {
        // a second connection in this process shares the database instance
        try (Connection c = TestDb.readWrite(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM prediction_outcomes WHERE transaction_id = '" + Predictions.txid(1).value() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("outcome_status")).isEqualTo(status);
            assertThat(rs.getBoolean("provisional")).isEqualTo(provisional);
            assertThat(rs.getObject("blocks_off")).isEqualTo(blocksOff);
            assertThat(rs.getObject("time_to_confirmation")).isEqualTo(seconds);
            assertThat(rs.getObject("prediction_accuracy")).isEqualTo(accurate);
            assertThat(rs.getObject("accuracy_score")).isEqualTo(score);
            assertThat(rs.getString("replaced_by")).isEqualTo(replacedBy);
            assertThat(rs.getObject("fee_bump")).isEqualTo(feeBump);
        }
    }
}
