package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.adapter.store.duckdb.modulepath.ModulePathMain;
import io.whalewatch.testkit.Predictions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, reopening, locking and failing to open a store file. */
class DuckDbLifecycleIT {
    @TempDir
    Path dir;

    @Test
    void reopening_keeps_the_data_and_does_not_migrate_again() throws Exception {
        Path file = dir.resolve("reopen.db");
        Prediction p = Predictions.inflow(1, 500);
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            repo.saveAll(List.of(p));
        }
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            assertThat(repo.findByTxid(p.txid())).contains(p);
            assertThat(repo.saveAll(List.of(p))).isEmpty();
        }
        try (Connection c = TestDb.readOnly(file); Statement st = c.createStatement()) {
            // V1 and V2, each applied once
            assertThat(TestDb.single(st, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(2);
            assertThat(TestDb.single(st, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(2);
            assertThat(TestDb.single(st, "SELECT count(*) FROM mempool_predictions")).isEqualTo(1);
        }
    }

    @Test
    void a_file_held_by_another_process_fails_with_the_file_and_the_holder() throws Exception {
        Path file = dir.resolve("held.db");
        DuckDbPredictionRepository.open(file, Clock.systemUTC()).close();
        Path errors = dir.resolve("child.err");
        Process child = ChildJvm.onClassPath(LockHolder.class, errors, file.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("child stderr: %s", ChildJvm.errors(errors)).isEqualTo("LOCKED " + child.pid());

            assertThatThrownBy(() -> DuckDbPredictionRepository.open(file, Clock.systemUTC()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("The database file " + file + " is in use by another process (PID "
                            + child.pid() + ", ")
                    .hasMessageContaining("set DB_PATH to another file");
            AdapterContext context = new AdapterContext(AdapterConfig.of(Map.of("DB_PATH", file.toString())),
                    Clock.systemUTC(), Ports.none());
            assertThatThrownBy(() -> new DuckDbPredictionRepositoryProvider().create(context))
                    .isInstanceOf(AdapterException.class).hasMessageContaining("PID " + child.pid());
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.systemUTC())) {
            assertThat(repo.health().healthy()).isTrue();
        }
    }

    @Test
    void a_directory_that_cannot_be_created_fails_naming_the_path() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("sub").resolve("store.db");

        assertThatThrownBy(() -> DuckDbPredictionRepository.open(file, Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot create the database directory " + file.getParent())
                .hasMessageContaining(notADirectory.toString())
                .hasMessageContaining("check DB_PATH");
    }

    @Test
    void a_path_that_is_a_directory_fails_naming_the_path() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("store.db"));

        assertThatThrownBy(() -> DuckDbPredictionRepository.open(directory, Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("The database path " + directory + " is a directory");
    }

    @Test
    void a_closed_store_reports_failures_as_store_exceptions() {
        DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("closed.db"), Clock.systemUTC());
        repo.close();
        repo.close();

        assertThatThrownBy(repo::lastAlertId).isInstanceOf(StoreException.class)
                .hasMessageContaining(dir.resolve("closed.db").toString()).hasMessageContaining("closed");
    }

    @Test
    void works_on_the_module_path() throws Exception {
        Path file = dir.resolve("modular").resolve("store.db");
        Path errors = dir.resolve("modular.err");
        Process child = ChildJvm.onModulePath(ModulePathMain.class, DuckDbLifecycleIT::isModule,
                "io.whalewatch.adapter.store.duckdb", errors, file.toString());
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("stderr: %s", ChildJvm.errors(errors)).isZero();
        assertThat(output).contains("module=io.whalewatch.adapter.store.duckdb", "saved=1", "lastAlertId=41",
                "health=connected", "journalLastAlertId=42");
        if (migrationsAreAJar()) {
            assertThat(output).contains("migrations-module=true");
        }
    }

    /** Production modules and libraries; test-only jars stay on the class path. */
    private static boolean isModule(String entry) {
        Path path = Path.of(entry);
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return path.endsWith(Path.of("store-duckdb", "target", "classes"));
        }
        return List.of("whalewatch-application", "whalewatch-domain", "whalewatch-migrations", "duckdb_jdbc",
                "jdbi3-core", "geantyref", "flyway-core", "flyway-database-duckdb", "slf4j-api", "jackson-core").stream()
                .anyMatch(name::startsWith);
    }

    /** In a reactor build before `package` the migrations are a directory, which is no automatic module. */
    private static boolean migrationsAreAJar() {
        return ChildJvm.testClassPath().stream().anyMatch(e -> Path.of(e).getFileName().toString()
                .startsWith("whalewatch-migrations") && e.endsWith(".jar"));
    }
}
