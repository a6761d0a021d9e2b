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
    void the_default_path_is_the_guides() {
        assertThat(DuckDbPredictionRepositoryProvider.DEFAULT_DB_PATH).isEqualTo("data/mempool_predictions.db");
        assertThat(new DuckDbPredictionRepositoryProvider().name()).isEqualTo("duckdb");
    }

    private static AdapterContext context(Map<String, String> settings) {
        return new AdapterContext(AdapterConfig.of(settings), Clock.systemUTC(), Ports.none());
    }
}
