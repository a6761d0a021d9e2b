package io.whalewatch.application.port.in;

import io.whalewatch.domain.prediction.Prediction;
import java.util.List;

/** Reads stored predictions in alert order, e.g. to replay what a reconnecting client missed. */
public interface ListPredictionsUseCase {

    List<Prediction> list(Query query);

    /**
     * @param afterAlertId only alerts with a larger id (0 = from the start)
     * @param limit        at most this many, 1..10000
     */
    record Query(long afterAlertId, int limit) {
        public Query {
            if (afterAlertId < 0) {
                throw new IllegalArgumentException("afterAlertId must not be negative");
            }
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("limit must be within 1..10000: " + limit);
            }
        }
    }
}
