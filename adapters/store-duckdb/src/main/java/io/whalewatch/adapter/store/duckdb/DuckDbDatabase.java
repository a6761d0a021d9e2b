package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open DuckDB file: a single long-lived root connection (holding the file lock) that is
 * {@code duplicate()}d for every Jdbi handle, because re-opening the file costs ~23 ms per handle
 * while a duplicate costs ~1 ms and shares the same database instance.
 */
final class DuckDbDatabase implements AutoCloseable {
    static final String IN_MEMORY = ":memory:";
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbDatabase.class);

    private final Path file;
    private final DuckDBConnection root;
    private final Jdbi jdbi;
    private final Object lifecycle = new Object();
    private boolean closed;

    private DuckDbDatabase(Path file, DuckDBConnection root) {
        this.file = file;
        this.root = root;
        this.jdbi = Jdbi.create(this::duplicate);
    }

    /** Opens (creating if needed) the file with DuckDB's default limits and migrates its schema. */
    static DuckDbDatabase open(Path file) {
        return open(file, DuckDbLimits.DEFAULTS);
    }

    /** Opens (creating if needed) the file within {@code limits} and migrates its schema to the latest version. */
    static DuckDbDatabase open(Path file, DuckDbLimits limits) {
        boolean inMemory = IN_MEMORY.equals(file.toString());
        if (!inMemory) {
            DatabaseDirectory.prepare(file);
        }
        DuckDBConnection root = connect(file, inMemory, limits);
        DuckDbDatabase db = new DuckDbDatabase(file, root);
        try {
            SchemaMigrator.migrate(db::duplicate, file);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static DuckDBConnection connect(Path file, boolean inMemory, DuckDbLimits limits) {
        String url = inMemory ? "jdbc:duckdb:" : "jdbc:duckdb:" + file;
        try {
            Connection c = DriverManager.getConnection(url);
            try {
                limits.apply(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c.unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw StoreFailures.translate(file, e);
        } finally {
            NativeLibraryCopy.unlinkOnce(); // the driver's library is loaded by now, even if the open failed
        }
    }

    Path file() {
        return file;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** A new connection on the same database instance; fails once the database is closed. */
    Connection duplicate() throws SQLException {
        synchronized (lifecycle) {
            if (closed) {
                throw new SQLException("the store " + file + " is closed");
            }
            return root.duplicate();
        }
    }

    boolean isClosed() {
        synchronized (lifecycle) {
            return closed;
        }
    }

    /** Checkpoints (so the WAL is folded into the file) and releases the file lock. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement st = root.createStatement()) {
                st.execute("CHECKPOINT");
            } catch (SQLException e) {
                LOG.warn("Checkpoint of {} failed on close: {}", file, e.getMessage());
            }
            try {
                root.close();
            } catch (SQLException e) {
                LOG.warn("Closing {} failed: {}", file, e.getMessage());
            }
        }
    }
}
