package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionQueries.StoredOutcome;
import io.whalewatch.domain.chain.TxId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads a prediction's outcome columns (joined as {@code o}) into a {@link StoredOutcome}; no row = pending. */
final class StoredOutcomeColumns {
    static final String COLUMNS = "o.outcome_status AS o_status, o.provisional AS o_provisional, "
            + "o.confirmation_block AS o_block, o.blocks_off AS o_blocks_off, o.time_to_confirmation AS o_ttc, "
            + "o.replaced_by AS o_replaced_by, o.prediction_accuracy AS o_accurate, o.confirmation_timestamp AS o_determined";

    private StoredOutcomeColumns() {
    }

    static StoredOutcome map(ResultSet rs) throws SQLException {
        String status = rs.getString("o_status");
        if (status == null) {
            return StoredOutcome.pending();
        }
        String replacedBy = rs.getString("o_replaced_by");
        boolean accurate = rs.getBoolean("o_accurate");
        Optional<Boolean> accuracy = rs.wasNull() ? Optional.empty() : Optional.of(accurate);
        return new StoredOutcome(status, rs.getBoolean("o_provisional"), optionalInt(rs, "o_block"),
                optionalInt(rs, "o_blocks_off"), optionalLong(rs, "o_ttc"),
                Optional.ofNullable(replacedBy).map(TxId::of), accuracy,
                Optional.ofNullable(Utc.instant(rs, "o_determined")));
    }

    private static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
