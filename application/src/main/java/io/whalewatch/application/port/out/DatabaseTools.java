package io.whalewatch.application.port.out;

import java.nio.file.Path;
import java.util.List;

/**
 * Offline maintenance of database files, for the {@code db} commands while no server holds the
 * file: each method opens the file itself and closes it before returning.
 */
public interface DatabaseTools {
    /** Checks the file read-only: schema version against the shipped migrations, tables, row counts, consistency. */
    CheckReport check(Path file);

    /** A consistent copy of {@code source} (not in use by another process) to {@code target} (must not exist). */
    DatabaseBackup.BackupReport backup(Path source, Path target);

    /**
     * Fails with a {@link StoreException} naming the file and the process holding it when another
     * process has the file open; returns quietly when the file is free or does not exist.
     */
    void requireNotInUse(Path file);

    /** One line of a check: what was checked and whether it passed. */
    record Finding(boolean ok, String what) {
    }

    /** The findings of a check; {@link #ok()} when every one passed. */
    record CheckReport(Path file, List<Finding> findings) {
        public CheckReport {
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return findings.stream().allMatch(Finding::ok);
        }
    }
}
