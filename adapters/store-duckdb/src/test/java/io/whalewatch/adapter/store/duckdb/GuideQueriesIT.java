package io.whalewatch.adapter.store.duckdb;

import static io.whalewatch.testkit.store.StoreFixtures.confirmed;
import static io.whalewatch.testkit.store.StoreFixtures.finalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.inflowAt;
import static io.whalewatch.testkit.store.StoreFixtures.provisionalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the SQL of the operations guide ("Database Queries", "Database Maintenance", the accuracy
 * troubleshooting query) and of the quickstart ("Check System Status") verbatim against a file
 * written by the repository, and checks that the answers mean what the guide says.
 */
class GuideQueriesIT {
    private static final String RECENT_PREDICTIONS = """
            SELECT * FROM mempool_predictions
            ORDER BY prediction_timestamp DESC
            LIMIT 10;""";
    private static final String CONFIRMATION_OUTCOMES = """
            SELECT * FROM prediction_outcomes
            WHERE outcome_status IN ('confirmed', 'dropped')
            ORDER BY confirmation_timestamp DESC
            LIMIT 10;""";
    private static final String ACCURACY_7_DAYS = """
            SELECT
              COUNT(*) as total,
              SUM(CASE WHEN prediction_accuracy THEN 1 ELSE 0 END) as accurate,
              SUM(CASE WHEN prediction_accuracy THEN 1 ELSE 0 END) * 100.0 / COUNT(*) as accuracy_pct
            FROM prediction_outcomes
            WHERE confirmation_timestamp > current_date - INTERVAL 7 DAY;""";
    private static final String MEMORY_EVENTS = """
            SELECT * FROM system_metrics
            WHERE metric_name = 'memory_usage_mb'
            ORDER BY timestamp DESC
            LIMIT 20;""";
    private static final String OUTCOMES_BY_STATUS = """
              SELECT outcome_status, COUNT(*) as count
              FROM prediction_outcomes
              WHERE confirmation_timestamp > current_date - INTERVAL 7 DAY
              GROUP BY outcome_status
            """;
    private static final String TOTAL_PREDICTIONS = "SELECT COUNT(*) FROM mempool_predictions";
    private static final String PENDING_PREDICTIONS = """
                    SELECT COUNT(*) FROM mempool_predictions
                    WHERE prediction_id NOT IN (
                        SELECT prediction_id FROM prediction_outcomes
                    )
            """;
    private static final List<String> MAINTENANCE = List.of("""
            DELETE FROM mempool_predictions
            WHERE prediction_timestamp < current_date - INTERVAL 90 DAY;""", """
            DELETE FROM prediction_outcomes
            WHERE confirmation_timestamp < current_date - INTERVAL 90 DAY;""", "VACUUM;", "ANALYZE;");

    @TempDir
    Path dir;
    private Path file;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Prediction> recent = new ArrayList<>();
    private Prediction old100;
    private Prediction old80;

    @BeforeEach
    void populate() throws SQLException {
        file = dir.resolve("guide.db");
        for (int i = 1; i <= 12; i++) {
            recent.add(inflowAt(i, now.minus(Duration.ofMinutes(13 - i))));
        }
        old100 = inflowAt(13, now.minus(Duration.ofDays(100)));
        old80 = inflowAt(14, now.minus(Duration.ofDays(80)));
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            List<Prediction> all = new ArrayList<>(recent);
            all.addAll(List.of(old100, old80));
            repo.saveAll(all);
            repo.saveOutcomes(outcomes());
        }
        try (Connection c = TestDb.readWrite(file); Statement st = c.createStatement()) {
            for (int i = 0; i < 25; i++) {
                st.execute("INSERT INTO system_metrics VALUES (TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (" + i
                        + ") MINUTE, 'memory_usage_mb', " + (300 + i) + ", NULL)");
            }
            st.execute("INSERT INTO system_metrics VALUES (TIMESTAMP '2026-01-02 00:00:00', 'cpu_percent', 12.5, NULL)");
        }
    }

    /** 3 accurate confirmations, 1 late one, 1 final and 1 provisional drop, 1 replacement; 2 old ones. */
    private List<PredictionOutcome> outcomes() {
        Instant h1 = now.minus(Duration.ofHours(1));
        List<PredictionOutcome> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            list.add(confirmed(recent.get(i), recent.get(i).predictedHeight(), h1));
        }
        list.add(confirmed(recent.get(3), recent.get(3).predictedHeight() + 5, now.minus(Duration.ofHours(2))));
        list.add(finalDrop(recent.get(4), now.minus(Duration.ofHours(3))));
        list.add(provisionalDrop(recent.get(5), now.minus(Duration.ofHours(4))));
        list.add(replaced(recent.get(6), Predictions.txid(4242), now.minus(Duration.ofHours(5))));
        list.add(confirmed(old100, old100.predictedHeight(), old100.detectedAt().plus(Duration.ofMinutes(10))));
        list.add(confirmed(old80, old80.predictedHeight(), old80.detectedAt().plus(Duration.ofMinutes(10))));
        return list;
    }

    @Test
    void recent_predictions_are_the_ten_newest_newest_first() throws SQLException {
        try (Connection c = TestDb.readOnly(file); ResultSet rs = c.createStatement().executeQuery(RECENT_PREDICTIONS)) {
            List<Long> alertIds = new ArrayList<>();
            while (rs.next()) {
                alertIds.add(rs.getLong("alert_id"));
                assertThat(rs.getTimestamp("prediction_timestamp")).isEqualTo(rs.getTimestamp("detection_timestamp"));
            }
            assertThat(alertIds).containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
        }
    }

    @Test
    void confirmation_outcomes_list_confirmed_and_dropped_latest_first() throws SQLException {
        try (Connection c = TestDb.readOnly(file); ResultSet rs = c.createStatement().executeQuery(CONFIRMATION_OUTCOMES)) {
            List<String> statuses = new ArrayList<>();
            List<String> predictionIds = new ArrayList<>();
            while (rs.next()) {
                statuses.add(rs.getString("outcome_status"));
                predictionIds.add(rs.getString("prediction_id"));
            }
            assertThat(statuses).containsExactly("confirmed", "confirmed", "confirmed", "confirmed", "dropped", "dropped",
                    "confirmed", "confirmed");
            assertThat(predictionIds.subList(3, 8)).containsExactly(id(recent.get(3)), id(recent.get(4)),
                    id(recent.get(5)), id(old80), id(old100));
        }
    }

    @Test
    void accuracy_over_seven_days_counts_every_outcome_recorded_in_the_window() throws SQLException {
        try (Connection c = TestDb.readOnly(file); ResultSet rs = c.createStatement().executeQuery(ACCURACY_7_DAYS)) {
            assertThat(rs.next()).isTrue();
            // 7 outcomes recorded this week: 3 accurate; the late one and the final drop are not;
            // the provisional drop and the replacement (accuracy NULL, not yet final) do not count as accurate.
            assertThat(rs.getLong("total")).isEqualTo(7);
            assertThat(rs.getLong("accurate")).isEqualTo(3);
            assertThat(rs.getDouble("accuracy_pct")).isCloseTo(300.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void outcome_counts_by_status_over_seven_days() throws SQLException {
        try (Connection c = TestDb.readOnly(file); ResultSet rs = c.createStatement().executeQuery(OUTCOMES_BY_STATUS)) {
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            while (rs.next()) {
                counts.put(rs.getString("outcome_status"), rs.getLong("count"));
            }
            assertThat(counts).containsExactly(java.util.Map.entry("confirmed", 4L), java.util.Map.entry("dropped", 2L),
                    java.util.Map.entry("replaced", 1L));
        }
    }

    @Test
    void memory_events_are_the_twenty_latest_memory_samples() throws SQLException {
        try (Connection c = TestDb.readOnly(file); ResultSet rs = c.createStatement().executeQuery(MEMORY_EVENTS)) {
            List<Double> values = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getString("metric_name")).isEqualTo("memory_usage_mb");
                values.add(rs.getDouble("metric_value"));
            }
            assertThat(values).hasSize(20).first().isEqualTo(324.0);
            assertThat(values).last().isEqualTo(305.0);
        }
    }

    @Test
    void status_check_counts_all_and_pending_predictions() throws SQLException {
        try (Connection c = TestDb.readOnly(file); Statement st = c.createStatement()) {
            assertThat(TestDb.single(st, TOTAL_PREDICTIONS)).isEqualTo(14);
            // pending = no outcome row at all: predictions 8..12
            assertThat(TestDb.single(st, PENDING_PREDICTIONS)).isEqualTo(5);
        }
    }

    @Test
    void maintenance_removes_only_rows_older_than_ninety_days() throws SQLException {
        try (Connection c = TestDb.readWrite(file); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate(MAINTENANCE.get(0))).isEqualTo(1);
            assertThat(st.executeUpdate(MAINTENANCE.get(1))).isEqualTo(1);
            st.execute(MAINTENANCE.get(2));
            st.execute(MAINTENANCE.get(3));
            assertThat(TestDb.single(st, "SELECT count(*) FROM mempool_predictions WHERE alert_id = 13")).isZero();
            assertThat(TestDb.single(st, "SELECT count(*) FROM mempool_predictions")).isEqualTo(13);
            assertThat(TestDb.single(st, "SELECT count(*) FROM prediction_outcomes WHERE prediction_id = '"
                    + id(old100) + "'")).isZero();
            assertThat(TestDb.single(st, "SELECT count(*) FROM prediction_outcomes")).isEqualTo(8);
        }
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            assertThat(repo.findByTxid(old80.txid())).contains(old80);
            assertThat(repo.lastAlertId()).isEqualTo(14);
        }
    }

    private static String id(Prediction p) {
        return p.id().value();
    }
}
