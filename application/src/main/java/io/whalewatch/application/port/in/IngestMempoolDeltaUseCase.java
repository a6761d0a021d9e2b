package io.whalewatch.application.port.in;

import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.prediction.Prediction;
import java.util.List;

/** Detects whales among a delta's added transactions, stores their predictions and alerts. */
public interface IngestMempoolDeltaUseCase {
    /**
     * Pipeline thread only.
     *
     * @return the predictions that were new and have been stored and published
     */
    List<Prediction> ingest(MempoolDelta delta);
}
