package io.whalewatch.adapter.store.duckdb;

import static io.whalewatch.testkit.store.StoreFixtures.confirmed;
import static io.whalewatch.testkit.store.StoreFixtures.inflowAt;
import static io.whalewatch.testkit.store.StoreFixtures.replaced;
import static io.whalewatch.testkit.store.StoreFixtures.richOutflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store writes, column by column, and how writes behave under failure and concurrency. */
class DuckDbWritesIT {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void prediction_columns_carry_the_guides_meaning() throws Exception {
        Path file = dir.resolve("columns.db");
        Prediction p = richOutflow(1, T0);
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC))) {
            repo.saveAll(List.of(p));
        }
        try (Connection c = TestDb.readOnly(file); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM mempool_predictions")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("flow_type")).isEqualTo("outflow");
            assertThat(rs.getDouble("btc_value")).isEqualTo(1000.00000001);
            assertThat(rs.getDouble("total_output_btc")).isEqualTo(1234.56789012);
            assertThat(rs.getLong("change_sats")).isEqualTo(23_456_789_011L);
            assertThat(rs.getObject("detection_timestamp", LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-20T08:00:00"));
            assertThat(rs.getObject("prediction_timestamp", LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-20T08:00:00"));
            assertThat(rs.getObject("created_at", LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-20T08:00:05"));
            assertThat(rs.getString("flags")).isEqualTo("[\"coinjoin_like\",\"self_transfer\"]");
            assertThat(rs.getString("exchange_addresses")).startsWith("[\"bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\",");
            assertThat(rs.getDouble("usd_value")).isCloseTo(1000.00000001 * 101_234.56, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(rs.getBoolean("was_modified")).isFalse();
            assertThat(rs.getInt("tip_height")).isEqualTo(901_234);
            assertThat(rs.getInt("predicted_confirmation_block")).isEqualTo(901_236);
        }
    }

    @Test
    void an_outcome_row_is_upserted_under_a_stable_id() throws Exception {
        Path file = dir.resolve("outcomes.db");
        MutableClock clock = new MutableClock(T0);
        Prediction p = inflowAt(1, T0);
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, clock)) {
            repo.saveAll(List.of(p));
            repo.saveOutcomes(List.of(confirmed(p, p.predictedHeight() + 1, T0.plusSeconds(1800))));
            assertThat(outcomeRow(repo, p)).containsExactly("outcome-" + p.id().value(), "confirmed", "confirmed",
                    false, p.predictedHeight() + 1, 1, 1800, true, 1.0, null, "2026-11-20T08:30", "2026-11-20T08:00",
                    "2026-11-20T08:00");
            clock.set(T0.plusSeconds(60));
            repo.saveOutcomes(List.of(replaced(p, Predictions.txid(99), T0.plusSeconds(2400))));
            assertThat(outcomeRow(repo, p)).containsExactly("outcome-" + p.id().value(), "replaced", "replaced",
                    false, null, null, null, null, null, Predictions.txid(99).value(), "2026-11-20T08:40",
                    "2026-11-20T08:01", "2026-11-20T08:00");
            assertThat(repo.findUnresolved(10)).containsExactly(p);
        }
    }

    private static List<Object> outcomeRow(DuckDbPredictionRepository repo, Prediction p) {
        DuckDbDatabase db = database(repo);
        return db.jdbi().withHandle(h -> {
            assertThat(h.createQuery("SELECT count(*) FROM prediction_outcomes").mapTo(Long.class).one()).isEqualTo(1);
            return h.createQuery("""
                    SELECT outcome_id, outcome_status, actual_outcome, provisional, confirmation_block, blocks_off,
                      time_to_confirmation, prediction_accuracy, accuracy_score, replaced_by,
                      strftime(confirmation_timestamp, '%Y-%m-%dT%H:%M') AS recorded,
                      strftime(updated_at, '%Y-%m-%dT%H:%M') AS updated,
                      strftime(created_at, '%Y-%m-%dT%H:%M') AS created
                    FROM prediction_outcomes WHERE prediction_id = :id""").bind("id", p.id().value())
                    .map((rs, ctx) -> {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= 13; i++) {
                            row.add(rs.getObject(i));
                        }
                        return row;
                    }).one();
        });
    }

    @Test
    void appended_rows_belong_to_the_callers_transaction() throws Exception {
        try (DuckDbDatabase db = DuckDbDatabase.open(dir.resolve("tx.db"))) {
            db.jdbi().useHandle(h -> {
                h.begin();
                List<Prediction> written = PredictionWriter.insertNew(h, List.of(inflowAt(1, T0), inflowAt(2, T0)), T0);
                assertThat(written).hasSize(2);
                assertThat(count(h)).isEqualTo(2);
                h.rollback();
            });
            assertThat(db.jdbi().withHandle(DuckDbWritesIT::count)).isZero();
        }
    }

    @Test
    void a_batch_larger_than_the_appenders_chunk_is_stored_whole() {
        // DuckDB appends in chunks of 2048 rows; a resync frame can carry thousands of whales at once.
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("big.db"), Clock.systemUTC())) {
            List<Prediction> batch = new ArrayList<>();
            for (int i = 1; i <= 5000; i++) {
                batch.add(i % 3 == 0 ? richOutflow(i, T0) : i % 3 == 1 ? inflowAt(i, T0) : Predictions.unknownConsolidation(i, 100 + i));
            }
            assertThat(repo.saveAll(batch)).hasSize(5000);
            assertThat(repo.lastAlertId()).isEqualTo(5000);
            assertThat(repo.findByTxid(batch.get(4999).txid())).isPresent();
        }
    }

    @Test
    void a_failing_batch_stores_nothing() {
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("atomic.db"), Clock.systemUTC())) {
            repo.saveAll(List.of(inflowAt(1, T0)));
            Prediction fresh = inflowAt(2, T0);
            Prediction clash = Predictions.unknownConsolidation(3, 400).withAlertId(1); // alert id 1 is taken

            assertThatThrownBy(() -> repo.saveAll(List.of(fresh, clash))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("could not save 2 predictions");
            assertThat(repo.findByTxid(fresh.txid())).isEmpty();
            assertThat(repo.lastAlertId()).isEqualTo(1);
            assertThat(repo.health().healthy()).isTrue();
        }
    }

    @Test
    void readers_on_other_threads_see_committed_batches_while_the_writer_runs() throws Exception {
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("mvcc.db"), Clock.systemUTC())) {
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Throwable> problems = new CopyOnWriteArrayList<>();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Thread reader = new Thread(() -> readUntilDone(repo, writing, problems), "reader-" + r);
                reader.start();
                readers.add(reader);
            }
            for (int batch = 0; batch < 40; batch++) {
                List<Prediction> predictions = new ArrayList<>();
                for (int i = 1; i <= 25; i++) {
                    predictions.add(inflowAt(batch * 25L + i, T0.plusSeconds(batch)));
                }
                assertThat(repo.saveAll(predictions)).hasSize(25);
            }
            writing.set(false);
            for (Thread t : readers) {
                t.join();
            }
            assertThat(problems).isEmpty();
            assertThat(repo.lastAlertId()).isEqualTo(1000);
        }
    }

    private static void readUntilDone(DuckDbPredictionRepository repo, AtomicBoolean writing, List<Throwable> problems) {
        long seen = 0;
        try {
            while (writing.get()) {
                long last = repo.lastAlertId();
                if (last < seen || last % 25 != 0) { // batches commit whole, in order
                    problems.add(new AssertionError("saw last alert id " + last + " after " + seen));
                }
                seen = last;
                repo.findAfterAlertId(Math.max(0, last - 30), 30);
            }
        } catch (RuntimeException e) {
            problems.add(e);
        }
    }

    private static long count(Handle h) {
        return h.createQuery("SELECT count(*) FROM mempool_predictions").mapTo(Long.class).one();
    }

    private static DuckDbDatabase database(DuckDbPredictionRepository repo) {
        return repo.database();
    }
}
