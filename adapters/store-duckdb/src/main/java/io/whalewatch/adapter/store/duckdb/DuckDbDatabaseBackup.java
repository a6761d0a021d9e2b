package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DatabaseBackup;
import io.whalewatch.application.port.out.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Online backup of the open store, on a duplicate of its connection (the file lock stays with the server). */
final class DuckDbDatabaseBackup implements DatabaseBackup {
    private final DuckDbDatabase db;

    DuckDbDatabaseBackup(DuckDbDatabase db) {
        this.db = db;
    }

    @Override
    public BackupReport backupTo(Path target) {
        try (Connection c = db.duplicate()) {
            return DatabaseCopy.copy(c, target);
        } catch (SQLException e) {
            throw new StoreException("Backup of " + db.file() + " failed: " + StoreFailures.firstLine(String.valueOf(e.getMessage())), e);
        }
    }
}
