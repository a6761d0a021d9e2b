package io.whalewatch.domain.accuracy;

import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.time.Instant;

/**
 * Which recorded outcomes count for accuracy, as a pure rule (the store implements the same rule in
 * SQL). Resolved = confirmed (directly or through its replacement) or finally dropped; pending,
 * replaced-awaiting-its-replacement and provisional drops are not resolved yet. An outcome belongs to
 * a window by its resolution time ({@link PredictionOutcome#recordedAt()}), inclusive at the start.
 */
public final class ResolvedOutcomes {
    private ResolvedOutcomes() {
    }

    public static boolean isResolved(Outcome outcome) {
        return outcome instanceof Outcome.Confirmed || outcome instanceof Outcome.Dropped d && !d.provisional();
    }

    /** Counts the resolved outcomes recorded at or after {@code since}. */
    public static OutcomeCounts countSince(Iterable<PredictionOutcome> outcomes, Instant since) {
        long resolved = 0;
        long accurate = 0;
        long dropped = 0;
        for (PredictionOutcome o : outcomes) {
            if (!isResolved(o.outcome()) || o.recordedAt().isBefore(since)) {
                continue;
            }
            resolved++;
            if (o.outcome() instanceof Outcome.Dropped) {
                dropped++;
            } else if (o.accurate().orElse(false)) {
                accurate++;
            }
        }
        return new OutcomeCounts(resolved, accurate, dropped);
    }
}
