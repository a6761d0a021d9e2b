package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DuckDB's own memory and thread budget, set when the file is opened. DuckDB's defaults (a buffer
 * pool of 80% of the machine's RAM, one worker thread per core) suit an analytics session, not a
 * service that writes a few rows a second next to a bounded JVM heap: {@code DB_MEMORY_LIMIT}
 * (default {@value #DEFAULT_MEMORY_LIMIT}; larger queries spill to {@code DB_PATH.tmp}) and
 * {@code DB_THREADS} (default {@value #DEFAULT_THREADS}).
 */
record DuckDbLimits(String memoryLimit, int threads) {
    static final String MEMORY_LIMIT_KEY = "DB_MEMORY_LIMIT";
    static final String THREADS_KEY = "DB_THREADS";
    static final String DEFAULT_MEMORY_LIMIT = "128MB";
    static final int DEFAULT_THREADS = 2;
    static final DuckDbLimits DEFAULTS = new DuckDbLimits(DEFAULT_MEMORY_LIMIT, DEFAULT_THREADS);
    /** DuckDB's own units: KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024. */
    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)");

    /** @throws AdapterException naming the setting when a value is not usable */
    static DuckDbLimits from(AdapterConfig config) {
        String memory = config.get(MEMORY_LIMIT_KEY, DEFAULT_MEMORY_LIMIT).strip();
        if (!SIZE.matcher(memory.toUpperCase(Locale.ROOT)).matches()) {
            throw new AdapterException(MEMORY_LIMIT_KEY + "=" + memory + " is not a size such as 128MB or 1GiB");
        }
        return new DuckDbLimits(memory, config.getInt(THREADS_KEY, DEFAULT_THREADS, 1, 256));
    }

    /**
     * Sets both limits on the database instance behind {@code connection} (global settings, so every
     * duplicate shares them). Set by SQL after opening rather than as connection properties: DuckDB
     * refuses a second in-process connection to the same file whose properties differ from the
     * first's, which would lock out plain JDBC tools and tests.
     */
    void apply(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET memory_limit = '" + memoryLimit + "'"); // validated by SIZE: no quote can occur
            st.execute("SET threads = " + threads);
        }
    }
}
