package io.whalewatch.application.service;

import io.whalewatch.application.port.in.BackupDatabaseUseCase;
import io.whalewatch.application.port.out.DatabaseBackup;
import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.StoreException;
import java.nio.file.Path;
import java.util.Optional;

/** Delegates to the store's {@link DatabaseBackup}; refuses relative paths, whose meaning depends on the server's directory. */
final class BackupDatabaseService implements BackupDatabaseUseCase {
    private static final System.Logger LOG = System.getLogger(BackupDatabaseService.class.getName());
    private final Optional<DatabaseBackup> backup;

    BackupDatabaseService(Optional<DatabaseBackup> backup) {
        this.backup = backup;
    }

    @Override
    public BackupReport backup(Path target) {
        if (!target.isAbsolute()) {
            throw new IllegalArgumentException("the backup path must be absolute: " + target);
        }
        DatabaseBackup store = backup.orElseThrow(() -> new StoreException("this store cannot make backups"));
        BackupReport report = store.backupTo(target);
        LOG.log(System.Logger.Level.INFO, "database backed up to {0} ({1} bytes, rows {2})", report.file(), report.bytes(), report.rows());
        return report;
    }
}
