package io.whalewatch.application.port.in;

import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.util.List;

/** Resolves tracked predictions from the mined, removed and replaced parts of a delta. */
public interface TrackOutcomesUseCase {
    /**
     * Pipeline thread only.
     *
     * @return the outcomes recorded for this delta
     */
    List<PredictionOutcome> track(MempoolDelta delta);

    /** How many predictions are waiting for an outcome. */
    int trackedCount();
}
