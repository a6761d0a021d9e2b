package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DatabaseTools;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.DatabaseToolsProvider;

/** Provides the "duckdb" offline database tools ({@code db check}, offline {@code db backup}, {@code db restore}). */
public final class DuckDbDatabaseToolsProvider implements DatabaseToolsProvider {
    /** Does no I/O: the tools open files per call. */
    public DuckDbDatabaseToolsProvider() {
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public DatabaseTools create(AdapterContext context) {
        return new DuckDbDatabaseTools();
    }
}
