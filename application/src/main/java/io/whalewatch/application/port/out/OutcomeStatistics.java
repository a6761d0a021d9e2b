package io.whalewatch.application.port.out;

import io.whalewatch.domain.accuracy.OutcomeCounts;
import java.time.Instant;

/**
 * Counts of resolved predictions, for accuracy monitoring. Implemented by the store over its
 * outcome rows (resolution time = {@code confirmation_timestamp}). Thread-safe.
 */
public interface OutcomeStatistics {
    /** Final outcomes determined at or after {@code since}. */
    OutcomeCounts countResolvedSince(Instant since);
}
