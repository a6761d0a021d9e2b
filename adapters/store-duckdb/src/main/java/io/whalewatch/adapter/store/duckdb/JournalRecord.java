package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.domain.prediction.Prediction;

/** One record of the prediction journal: an appended prediction, or a settle watermark. */
sealed interface JournalRecord {

    /** A prediction appended by the pipeline. */
    record Entry(Prediction prediction) implements JournalRecord {
    }

    /**
     * The store holds every prediction up to {@code settledUpTo}; {@code lastAlertId} is the highest
     * alert id appended so far, kept here so it survives the entries being compacted away.
     */
    record Watermark(long settledUpTo, long lastAlertId) implements JournalRecord {
    }
}
