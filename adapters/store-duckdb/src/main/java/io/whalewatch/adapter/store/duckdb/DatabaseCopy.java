package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a DuckDB database to a new file with {@code ATTACH} + {@code COPY FROM DATABASE}: one
 * transaction, so the copy is a consistent MVCC snapshot even while the pipeline writes. The copy is
 * written to {@code <target>.partial} and renamed, so a failed backup never leaves a half file.
 */
final class DatabaseCopy {
    private static final String ALIAS = "whalewatch_backup";
    private static final Object ONE_AT_A_TIME = new Object(); // the alias is per database instance

    private DatabaseCopy() {
    }

    static BackupReport copy(Connection c, Path target) {
        Path file = target.toAbsolutePath().normalize();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        requireFree(file);
        synchronized (ONE_AT_A_TIME) {
            try {
                deletePartial(partial);
                Map<String, Long> rows = copyInto(c, partial);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                return new BackupReport(file, Files.size(file), rows);
            } catch (SQLException | IOException e) {
                deletePartialQuietly(partial);
                throw new StoreException("Backup to " + file + " failed: " + StoreFailures.firstLine(String.valueOf(e.getMessage())), e);
            }
        }
    }

    private static void requireFree(Path file) {
        if (Files.exists(file)) {
            throw new StoreException("The backup file " + file + " already exists; choose a new name");
        }
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StoreException("The backup directory " + dir + " does not exist");
        }
    }

    private static Map<String, Long> copyInto(Connection c, Path partial) throws SQLException {
        try (Statement st = c.createStatement()) {
            String source = currentDatabase(st);
            try {
                st.execute("CHECKPOINT"); // folds the WAL into the file first; the copy is consistent either way
            } catch (SQLException busy) {
                // a concurrent checkpoint or transaction: COPY below still reads one snapshot
            }
            st.execute("ATTACH '" + partial.toString().replace("'", "''") + "' AS " + ALIAS + " (READ_WRITE)");
            try {
                st.execute("COPY FROM DATABASE \"" + source.replace("\"", "\"\"") + "\" TO " + ALIAS);
                Map<String, Long> rows = rowCounts(st);
                st.execute("CHECKPOINT " + ALIAS);
                return rows;
            } finally {
                st.execute("DETACH " + ALIAS);
            }
        }
    }

    private static String currentDatabase(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, Long> rowCounts(Statement st) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE database_name = '" + ALIAS
                + "' AND schema_name = 'main' ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : tables) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + ALIAS + ".main.\"" + t + "\"")) {
                rs.next();
                rows.put(t, rs.getLong(1));
            }
        }
        return rows;
    }

    private static void deletePartial(Path partial) throws IOException {
        Files.deleteIfExists(partial);
        Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + ".wal"));
    }

    private static void deletePartialQuietly(Path partial) {
        try {
            deletePartial(partial);
        } catch (IOException ignored) {
            // best effort: the error that made the backup fail is what the caller needs
        }
    }
}
