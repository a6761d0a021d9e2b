package io.whalewatch.application.port.out;

import io.whalewatch.domain.chain.TxId;
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

    /** Predictions with an alert id above {@code alertId}, in alert order (for resuming streams). */
    List<Prediction> findAfterAlertId(long alertId, int limit);

    /** The highest alert id stored, 0 when none. */
    long lastAlertId();

    /** Whether the database answers, with a short description ("connected" or the error). */
    StoreHealth health();

    @Override
    void close();
}
