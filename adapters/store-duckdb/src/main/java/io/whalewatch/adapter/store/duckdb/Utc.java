package io.whalewatch.adapter.store.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as DuckDB {@code TIMESTAMP} values: UTC wall-clock time, microsecond precision
 * ({@code TIMESTAMP_NS} where an instant must read back exactly). Plain
 * TIMESTAMP (not TIMESTAMPTZ) keeps the guide's {@code current_date - INTERVAL 7 DAY} comparisons
 * working as written, and UTC keeps the file independent of the host's time zone.
 */
final class Utc {
    private Utc() {
    }

    static LocalDateTime toTimestamp(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static long toEpochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static long toEpochNanos(Instant instant) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }

    /** The instant in a TIMESTAMP column, or null. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
