package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.PredictionRepositoryProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Provides the "duckdb" prediction store.
 *
 * <p>Settings: {@code DB_PATH} (default {@value #DEFAULT_DB_PATH}), resolved against the working
 * directory; missing parent directories are created. {@code DB_MEMORY_LIMIT} (default 128MB) and
 * {@code DB_THREADS} (default 2) bound DuckDB's own buffer pool and worker threads. {@link #create}
 * opens the file, takes its lock, applies pending migrations and keeps the file open until the
 * repository is closed. Next to the file it keeps the prediction journal ({@code <DB_PATH>.journal},
 * locked through {@code <DB_PATH>.journal.lock}), reached through {@code port(PredictionJournal.class)}.
 */
public final class DuckDbPredictionRepositoryProvider implements PredictionRepositoryProvider {
    /** The setting naming the database file. */
    public static final String DB_PATH = "DB_PATH";
    /** The operations guide's default location. */
    public static final String DEFAULT_DB_PATH = "data/mempool_predictions.db";

    /** Does no I/O: the file is opened by {@link #create}. */
    public DuckDbPredictionRepositoryProvider() {
    }

    @Override
    public String name() {
        return "duckdb";
    }

    /**
     * Opens the store.
     *
     * @throws AdapterException when {@code DB_PATH} is not a usable path, or the file cannot be
     *                          opened (locked by another process, unwritable directory); the
     *                          message names the file
     */
    @Override
    public PredictionRepository create(AdapterContext context) {
        String configured = context.config().get(DB_PATH, DEFAULT_DB_PATH);
        try {
            return DuckDbPredictionRepository.open(resolve(configured), DuckDbLimits.from(context.config()), context.clock());
        } catch (StoreException e) {
            throw new AdapterException(e.getMessage(), e);
        }
    }

    private static Path resolve(String configured) {
        if (DuckDbDatabase.IN_MEMORY.equals(configured)) {
            return Path.of(configured);
        }
        try {
            return Path.of(configured).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new AdapterException(DB_PATH + "=" + configured + " is not a valid file path: " + e.getReason());
        }
    }
}
