package io.whalewatch.application.port.in;

import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import java.nio.file.Path;

/** A consistent copy of the running service's database (admin API, {@code whalewatch db backup}). */
public interface BackupDatabaseUseCase {
    /**
     * @param target an absolute path that does not exist yet
     * @throws io.whalewatch.application.port.out.StoreException when the store cannot copy itself or the copy fails
     */
    BackupReport backup(Path target);
}
