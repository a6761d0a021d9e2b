package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.testkit.PredictionRepositoryContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract against a real DuckDB file in a temporary directory. */
class DuckDbPredictionRepositoryIT extends PredictionRepositoryContract {
    @TempDir
    Path dir;

    @Override
    protected PredictionRepository newEmptyRepository() {
        return DuckDbPredictionRepository.open(dir.resolve("contract.db"), Clock.systemUTC());
    }
}
