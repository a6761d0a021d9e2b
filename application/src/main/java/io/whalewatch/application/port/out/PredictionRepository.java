package io.whalewatch.application.port.out;

import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of predictions and their outcomes.
 *
 * <p>Contract: {@link #saveAll} is atomic and durable when it returns (the pipeline publishes an
 * alert only after its prediction is stored), and idempotent on the prediction id: saving a
 * prediction whose id is already stored changes nothing. Methods may be called from several
 * threads. Failures surface as {@link StoreException}.
 */
public interface PredictionRepository extends AutoCloseable {
    /**
     * Stores a batch of new predictions in one transaction; ids already stored are skipped.
     *
     * @return the predictions that were actually new, in the given order (only these may be alerted)
     */
    List<Prediction> saveAll(List<Prediction> predictions);

    /** Records (or replaces) the outcome of each prediction, in one transaction. */
    void saveOutcomes(List<PredictionOutcome> outcomes);

    Optional<Prediction> findByTxid(TxId txid);

    /**
     * Predictions without a final outcome, oldest first: no outcome yet, a provisional drop, or a
     * replacement whose replacing transaction has not confirmed yet (still tracked).
     */
    List<Prediction> findUnresolved(int limit);

    /**
     * The unresolved predictions (as {@link #findUnresolved}) with their current outcome, so a restart
     * resumes exactly where the previous run stopped: {@code Pending} when no outcome is stored, a
     * {@code Replaced} naming the replacement to follow, or a provisional {@code Dropped} with its
     * drop time (the finality horizon counts from it). The default knows only "pending".
     */
    default List<PredictionOutcome> findTracked(int limit) {
        return findUnresolved(limit).stream()
                .map(p -> new PredictionOutcome(p, new Outcome.Pending(), Optional.empty(), p.detectedAt()))
                .toList();
    }

    /**
     * Another out-port served by the same store, sharing its connection and file lock (e.g.
     * {@link OutcomeStatistics}, {@link NotificationOutbox}, {@link DataRetention}); empty when this
     * store does not offer it. Bootstrap and the application ask for what they need instead of
     * opening the same database twice.
     */
    default <T> Optional<T> port(Class<T> type) {
        return Optional.empty();
    }

    /** Predictions with an alert id above {@code alertId}, in alert order (for resuming streams). */
    List<Prediction> findAfterAlertId(long alertId, int limit);

    /** The highest alert id stored, 0 when none. */
    long lastAlertId();

    /** Whether the database answers, with a short description ("connected" or the error). */
    StoreHealth health();

    @Override
    void close();
}
