package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.StoreException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL in {@code classpath:db/migration} (the io.whalewatch.migrations jar)
 * with Flyway. DuckDB needs the community plugin {@code flyway-database-duckdb}; DuckDB DDL is
 * transactional, so a failing migration leaves the file as it was.
 */
final class SchemaMigrator {
    static final String LOCATION = "classpath:db/migration";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    static void migrate(DuplicatingDataSource.ConnectionSource connections, Path file) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(new DuplicatingDataSource(connections))
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated {} to schema version {} ({} migrations)", file, result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException("Cannot migrate the schema of " + file + ": "
                    + StoreFailures.firstLine(String.valueOf(e.getMessage())), e);
        }
    }
}
