/**
 * The "duckdb" prediction store: predictions and outcomes in one DuckDB file, schema by Flyway
 * (SQL from the io.whalewatch.migrations jar), reads through Jdbi, batched writes through
 * DuckDB's Appender; a write-ahead prediction journal in a file next to the database. Exports
 * nothing; found through its provider.
 */
module io.whalewatch.adapter.store.duckdb {
    requires io.whalewatch.application;
    requires java.sql;
    requires org.slf4j;
    requires duckdb.jdbc;              // Automatic-Module-Name
    requires org.jdbi.v3.core;         // Automatic-Module-Name
    requires io.leangen.geantyref;     // jdbi3-core is automatic, so its real-module dependency must be required here
    requires com.fasterxml.jackson.core; // the prediction journal's records (streaming API, explicit mapping)
    requires flyway.core;              // no module name in the jar: derived from the file name
    // flyway.database.duckdb and io.whalewatch.migrations are automatic modules too: resolving any
    // automatic module resolves every observable one, and automatic modules open all their packages,
    // so Flyway's class loader finds db/migration/*.sql without a requires or opens here.

    provides io.whalewatch.application.spi.PredictionRepositoryProvider
            with io.whalewatch.adapter.store.duckdb.DuckDbPredictionRepositoryProvider;
    provides io.whalewatch.application.spi.DatabaseToolsProvider
            with io.whalewatch.adapter.store.duckdb.DuckDbDatabaseToolsProvider;
}
