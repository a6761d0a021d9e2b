package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.DatabaseTools;
import io.whalewatch.application.port.out.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The offline {@code db} commands on DuckDB files. Checks and backups open the file read-only, which
 * DuckDB refuses while a server holds it read-write: the error names the holder's PID.
 */
final class DuckDbDatabaseTools implements DatabaseTools {
    @Override
    public CheckReport check(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            return new CheckReport(f, List.of(new Finding(false, "database file " + f + " does not exist")));
        }
        try (DuckDBConnection c = open(f, true)) {
            SchemaCheck schema = SchemaCheck.of(c::duplicate);
            return new CheckReport(f, DatabaseCheck.run(c, schema));
        } catch (SQLException e) {
            return new CheckReport(f, List.of(new Finding(false, "check failed: " + StoreFailures.firstLine(String.valueOf(e.getMessage())))));
        }
    }

    @Override
    public BackupReport backup(Path source, Path target) {
        Path f = source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f)) {
            throw new StoreException("The database file " + f + " does not exist (check DB_PATH)");
        }
        try (DuckDBConnection c = open(f, true)) {
            return DatabaseCopy.copy(c, target);
        } catch (SQLException e) {
            throw new StoreException("Closing " + f + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void requireNotInUse(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.exists(f)) {
            return;
        }
        try (DuckDBConnection c = open(f, false)) {
            // opened read-write: nobody else holds it; closing releases it again
        } catch (SQLException e) {
            throw StoreFailures.translate(f, e);
        }
    }

    /** Opens the file; a failure to open is rephrased (lock holder, permissions) naming the file. */
    private static DuckDBConnection open(Path file, boolean readOnly) {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, p);
            return c.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw StoreFailures.translate(file, e);
        } finally {
            NativeLibraryCopy.unlinkOnce(); // the driver's library is loaded by now, even if the open failed
        }
    }
}
