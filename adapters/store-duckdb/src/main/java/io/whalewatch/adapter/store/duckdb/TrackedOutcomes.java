package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the not-yet-final outcome of an unresolved prediction (no row = pending). */
final class TrackedOutcomes {
    static final String COLUMNS = "o.outcome_status AS o_status, o.provisional AS o_provisional, o.replaced_by AS o_replaced_by, "
            + "o.outcome_time AS o_outcome_time, o.confirmation_timestamp AS o_recorded, o.fee_bump AS o_fee_bump";

    private TrackedOutcomes() {
    }

    static PredictionOutcome map(Prediction p, ResultSet rs) throws SQLException {
        String status = rs.getString("o_status");
        if (status == null) {
            return new PredictionOutcome(p, new Outcome.Pending(), Optional.empty(), p.detectedAt());
        }
        Instant happened = Utc.instant(rs, "o_outcome_time");
        Instant recorded = Utc.instant(rs, "o_recorded");
        Outcome outcome = switch (status) {
            case "replaced" -> new Outcome.Replaced(TxId.of(rs.getString("o_replaced_by")), happened, feeBump(rs));
            case "dropped" -> new Outcome.Dropped(rs.getBoolean("o_provisional"), happened);
            default -> throw new IllegalStateException("outcome '" + status + "' is final, not tracked");
        };
        return new PredictionOutcome(p, outcome, Optional.empty(), recorded);
    }

    private static OptionalDouble feeBump(ResultSet rs) throws SQLException {
        double bump = rs.getDouble("o_fee_bump");
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(bump);
    }
}
