package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as the rest of the application reaches it: a port of the "duckdb" repository. */
class PredictionJournalPortIT {
    @TempDir
    Path dir;

    private static PredictionRepository create(String dbPath) {
        return new DuckDbPredictionRepositoryProvider().create(new AdapterContext(
                AdapterConfig.of(Map.of("DB_PATH", dbPath)), Clock.systemUTC(), Ports.none()));
    }

    @Test
    void the_repository_offers_a_journal_in_a_file_next_to_the_database_that_outlives_it() {
        Path db = dir.resolve("store.db");
        try (PredictionRepository repository = create(db.toString())) {
            PredictionJournal journal = repository.port(PredictionJournal.class).orElseThrow();
            journal.append(List.of(Predictions.inflow(1, 120), Predictions.unknownConsolidation(2, 300)));
            journal.settle(1);
        }
        assertThat(dir.resolve("store.db.journal")).isRegularFile();
        try (PredictionRepository repository = create(db.toString())) {
            PredictionJournal journal = repository.port(PredictionJournal.class).orElseThrow();
            assertThat(journal.unsettled()).containsExactly(Predictions.unknownConsolidation(2, 300));
            assertThat(journal.lastAlertId()).isEqualTo(2);
        }
    }

    @Test
    void closing_the_repository_closes_its_journal() {
        PredictionRepository repository = create(dir.resolve("store.db").toString());
        PredictionJournal journal = repository.port(PredictionJournal.class).orElseThrow();
        repository.close();

        assertThatThrownBy(() -> journal.append(List.of(Predictions.inflow(1, 120))))
                .isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    @Test
    void an_in_memory_database_has_an_in_memory_journal_with_the_same_semantics() {
        try (PredictionRepository repository = create(":memory:")) {
            PredictionJournal journal = repository.port(PredictionJournal.class).orElseThrow();
            journal.append(List.of(Predictions.inflow(1, 120), Predictions.inflow(2, 130)));
            journal.settle(1);

            assertThat(journal.unsettled()).containsExactly(Predictions.inflow(2, 130));
            journal.settle(2);
            assertThat(journal.unsettled()).isEmpty();
            assertThat(journal.lastAlertId()).isEqualTo(2);
            assertThat(journal.corruptEntries()).isZero();
        }
        assertThat(dir).isEmptyDirectory();
    }
}
