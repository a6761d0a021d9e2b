package io.whalewatch.application.port.out;

import java.nio.file.Path;
import java.util.Map;

/**
 * Copies the open database while it is in use (offered by a store through
 * {@link PredictionRepository#port(Class)}). The copy is one consistent snapshot: writes that commit
 * during the copy are either wholly in it or wholly absent. Thread-safe; one backup at a time.
 */
public interface DatabaseBackup {
    /**
     * Writes the copy to {@code target}, which must not exist yet (its directory must).
     *
     * @throws StoreException naming the target when the copy cannot be made; no partial file is left
     */
    BackupReport backupTo(Path target);

    /** What was written: the file, its size and the rows per table in the copy. */
    record BackupReport(Path file, long bytes, Map<String, Long> rows) {
        public BackupReport {
            rows = Map.copyOf(rows);
        }
    }
}
