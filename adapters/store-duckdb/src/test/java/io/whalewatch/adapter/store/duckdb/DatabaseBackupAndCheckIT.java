package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.DatabaseBackup;
import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.DatabaseTools;
import io.whalewatch.application.port.out.DatabaseTools.CheckReport;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Online backup while writing, offline backup, and {@code db check}'s detections, on real DuckDB files. */
class DatabaseBackupAndCheckIT {
    @TempDir
    Path dir;
    private final DatabaseTools tools = new DuckDbDatabaseToolsProvider().create(null);

    @Test
    void anOnlineBackupWhileThePipelineWritesIsAConsistentCopyThatPassesTheCheck() throws Exception {
        Path db = dir.resolve("live.db");
        Path copy = dir.resolve("copy.db");
        BackupReport report;
        long storedAfter;
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(db, Clock.systemUTC())) {
            for (long i = 1; i <= 50; i++) {
                repo.saveAll(List.of(Predictions.inflow(i, 150)));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong next = new AtomicLong(51);
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    repo.saveAll(List.of(Predictions.inflow(next.getAndIncrement(), 150)));
                }
            });
            writer.start();
            report = repo.port(DatabaseBackup.class).orElseThrow().backupTo(copy);
            writing.set(false);
            writer.join();
            storedAfter = repo.lastAlertId();
        }
        long copied = report.rows().get("mempool_predictions");
        assertThat(copied).isBetween(50L, storedAfter);
        assertThat(report.bytes()).isEqualTo(Files.size(copy));
        assertThat(Files.exists(dir.resolve("copy.db.partial"))).isFalse();
        try (Connection c = TestDb.readOnly(copy); Statement st = c.createStatement()) {
            assertThat(TestDb.single(st, "SELECT max(alert_id) FROM mempool_predictions")).as("no gap: a snapshot").isEqualTo(copied);
        }
        CheckReport check = tools.check(copy);
        assertThat(check.ok()).as(check.findings().toString()).isTrue();
        assertThat(check.findings().get(0).what()).startsWith("schema version 2 (this build ships 2)");
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path db = dir.resolve("a.db");
        Path existing = Files.writeString(dir.resolve("exists.db"), "keep me");
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(db, Clock.systemUTC())) {
            assertThatThrownBy(() -> repo.port(DatabaseBackup.class).orElseThrow().backupTo(existing))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already exists");
        }
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void anOfflineBackupCopiesEveryRow() throws Exception {
        Path db = dir.resolve("off.db");
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(db, Clock.systemUTC())) {
            repo.saveAll(List.of(Predictions.inflow(1, 150), Predictions.inflow(2, 300)));
        }
        BackupReport report = tools.backup(db, dir.resolve("off-copy.db"));
        assertThat(report.rows()).containsEntry("mempool_predictions", 2L).containsKey("flyway_schema_history");
        assertThat(tools.check(report.file()).ok()).isTrue();
    }

    @Test
    void theCheckDetectsAMissingTableATooNewSchemaAndAnOrphanOutcome() throws Exception {
        Path db = dir.resolve("broken.db");
        DuckDbPredictionRepository.open(db, Clock.systemUTC()).close();
        try (Connection c = TestDb.readWrite(db); Statement st = c.createStatement()) {
            st.execute("DROP TABLE system_metrics");
            st.execute("INSERT INTO prediction_outcomes (outcome_id, prediction_id, transaction_id, predicted_flow, outcome_status,"
                    + " confirmation_timestamp, outcome_time) VALUES ('o1', 'no-such-prediction', 'tx', 'inflow', 'confirmed', now(), now())");
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 0, 'test', now(), 0, true)");
        }
        CheckReport report = tools.check(db);
        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).filteredOn(f -> !f.ok()).extracting(DatabaseTools.Finding::what)
                .anyMatch(w -> w.equals("table system_metrics is missing"))
                .anyMatch(w -> w.startsWith("schema version 99") && w.contains("newer than this build"))
                .anyMatch(w -> w.equals("outcomes without their prediction: 1"));
    }

    @Test
    void checkRefusesAFileHeldReadWriteAndReportsAMissingFile() throws Exception {
        Path db = dir.resolve("held.db");
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(db, Clock.systemUTC())) {
            assertThatThrownBy(() -> tools.check(db)).isInstanceOf(StoreException.class).hasMessageContaining(db.toString());
            // requireNotInUse opens read-write, which DuckDB allows within the same process (one shared
            // instance): it detects other processes only, see DbCommandsIT for the cross-process refusal
        }
        tools.requireNotInUse(db); // free again
        assertThat(tools.check(dir.resolve("nope.db")).findings().get(0).what()).contains("does not exist");
    }
}
