package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rephrases DuckDB's errors into messages a user can act on, naming the file. DuckDB allows one
 * read-write process per file and reports a second one as
 * {@code IO Error: Could not set lock on file "...": Conflicting lock is held in <program> (PID n)}.
 */
final class StoreFailures {
    private static final Pattern LOCK_HOLDER = Pattern.compile("Conflicting lock is held in (.+?) \\(PID (\\d+)\\)");

    private StoreFailures() {
    }

    static StoreException translate(Path file, SQLException e) {
        String raw = String.valueOf(e.getMessage());
        Matcher m = LOCK_HOLDER.matcher(raw);
        if (m.find()) {
            return new StoreException("The database file " + file + " is in use by another process (PID "
                    + m.group(2) + ", " + m.group(1) + "). Stop that process, or set DB_PATH to another file.", e);
        }
        if (raw.contains("Could not set lock") || raw.contains("lock")) {
            return new StoreException("The database file " + file + " is locked by another process: " + firstLine(raw), e);
        }
        if (raw.contains("Permission denied") || raw.contains("Read-only file system")) {
            return new StoreException("Cannot open the database file " + file + " for writing: " + firstLine(raw)
                    + " (check DB_PATH and the permissions of its directory)", e);
        }
        return new StoreException("Cannot open the database file " + file + ": " + firstLine(raw), e);
    }

    /** A failed operation on an open store; the message names the file, the operation and the root cause. */
    static StoreException operation(Path file, String what, Exception e) {
        if (e instanceof StoreException se) {
            return se;
        }
        return new StoreException("DuckDB store " + file + ": could not " + what + ": " + firstLine(rootMessage(e)), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
