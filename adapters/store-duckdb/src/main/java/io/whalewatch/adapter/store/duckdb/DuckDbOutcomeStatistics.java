package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.OutcomeStatistics;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import java.time.Instant;

/**
 * Counts resolved outcomes in SQL, by the rule of {@code ResolvedOutcomes}: resolved = confirmed or
 * finally dropped, by resolution time ({@code confirmation_timestamp}, inclusive); accurate =
 * confirmed with {@code prediction_accuracy}; dropped = final drops.
 */
final class DuckDbOutcomeStatistics implements OutcomeStatistics {
    static final String COUNT = """
            SELECT count(*) AS resolved,
                   count(*) FILTER (WHERE outcome_status = 'confirmed' AND prediction_accuracy) AS accurate,
                   count(*) FILTER (WHERE outcome_status = 'dropped') AS dropped
            FROM prediction_outcomes
            WHERE confirmation_timestamp >= :since
              AND (outcome_status = 'confirmed' OR (outcome_status = 'dropped' AND NOT provisional))""";
    private final StoreAccess store;

    DuckDbOutcomeStatistics(StoreAccess store) {
        this.store = store;
    }

    @Override
    public OutcomeCounts countResolvedSince(Instant since) {
        return store.read("count resolved outcomes", h -> h.createQuery(COUNT).bind("since", Utc.toTimestamp(since))
                .map((rs, ctx) -> new OutcomeCounts(rs.getLong("resolved"), rs.getLong("accurate"), rs.getLong("dropped"))).one());
    }
}
