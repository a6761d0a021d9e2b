package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.application.spi.PredictionRepositoryProvider;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbPredictionRepositoryProviderTest {
    @TempDir
    Path dir;

    @Test
    void service_loader_finds_the_duckdb_provider() {
        List<String> names = ServiceLoader.load(PredictionRepositoryProvider.class).stream()
                .map(ServiceLoader.Provider::get).map(PredictionRepositoryProvider::name).toList();

        assertThat(names).containsExactly("duckdb");
    }

    @Test
    void creates_a_working_store_at_db_path_with_missing_directories() {
        Path file = dir.resolve("a").resolve("b").resolve("predictions.db");
        PredictionRepositoryProvider provider = ServiceLoader.load(PredictionRepositoryProvider.class).findFirst()
                .orElseThrow();

        try (PredictionRepository repo = provider.create(context(Map.of("DB_PATH", file.toString())))) {
            assertThat(repo.saveAll(List.of(Predictions.inflow(3, 120)))).hasSize(1);
            assertThat(repo.lastAlertId()).isEqualTo(3);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void a_relative_db_path_resolves_against_the_working_directory() {
        String relative = "target/provider-test-" + ProcessHandle.current().pid() + "/x.db";
        Path expected = Path.of(relative).toAbsolutePath();
        try (PredictionRepository repo = new DuckDbPredictionRepositoryProvider().create(context(Map.of("DB_PATH", relative)))) {
            assertThat(repo.health().healthy()).isTrue();
        }
        assertThat(expected).isRegularFile();
    }

    @Test
    void an_unusable_db_path_fails_with_an_adapter_exception_naming_it() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "");
        String dbPath = blocker.resolve("x.db").toString();

        assertThatThrownBy(() -> new DuckDbPredictionRepositoryProvider().create(context(Map.of("DB_PATH", dbPath))))
                .isInstanceOf(AdapterException.class).hasMessageContaining(blocker.toString());
    }

    @Test
    void duckdb_runs_within_db_memory_limit_and_db_threads() throws Exception {
        Map<String, String> settings = Map.of("DB_PATH", dir.resolve("l.db").toString(), "DB_MEMORY_LIMIT", "64MiB",
                "DB_THREADS", "1");
        try (PredictionRepository repo = new DuckDbPredictionRepositoryProvider().create(context(settings))) {
            assertThat(setting(repo, "memory_limit")).isEqualTo("64.0 MiB");
            assertThat(setting(repo, "threads")).isEqualTo("1");
        }
    }

    @Test
    void without_settings_duckdb_gets_the_service_defaults_not_its_own() throws Exception {
        try (PredictionRepository repo = new DuckDbPredictionRepositoryProvider()
                .create(context(Map.of("DB_PATH", dir.resolve("d.db").toString())))) {
            assertThat(setting(repo, "memory_limit")).isEqualTo("122.0 MiB"); // 128 MB = 122 MiB
            assertThat(setting(repo, "threads")).isEqualTo("2");
        }
    }

    @Test
    void an_unusable_db_memory_limit_or_db_threads_fails_naming_the_setting() {
        String db = dir.resolve("x.db").toString();
        assertThatThrownBy(() -> new DuckDbPredictionRepositoryProvider()
                .create(context(Map.of("DB_PATH", db, "DB_MEMORY_LIMIT", "lots"))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("DB_MEMORY_LIMIT=lots");
        assertThatThrownBy(() -> new DuckDbPredictionRepositoryProvider()
                .create(context(Map.of("DB_PATH", db, "DB_THREADS", "0"))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("DB_THREADS");
        assertThat(Path.of(db)).doesNotExist();
    }

    private static String setting(PredictionRepository repo, String name) throws Exception {
        try (java.sql.Connection c = ((DuckDbPredictionRepository) repo).database().duplicate();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void the_default_path_is_the_guides() {
        assertThat(DuckDbPredictionRepositoryProvider.DEFAULT_DB_PATH).isEqualTo("data/mempool_predictions.db");
        assertThat(new DuckDbPredictionRepositoryProvider().name()).isEqualTo("duckdb");
    }

    private static AdapterContext context(Map<String, String> settings) {
        return new AdapterContext(AdapterConfig.of(settings), Clock.systemUTC(), Ports.none());
    }
}
