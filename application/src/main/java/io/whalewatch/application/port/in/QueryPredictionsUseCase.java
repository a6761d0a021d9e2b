package io.whalewatch.application.port.in;

import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lists stored predictions with their outcomes, newest first, with keyset paging on the alert id:
 * a page's {@code nextBeforeAlertId} fed back as {@code beforeAlertId} gives the next page with no
 * gap and no duplicate, even while new alerts arrive. Thread-safe; reads the store.
 */
public interface QueryPredictionsUseCase {
    /** One page of at most {@code criteria.limit()} predictions. */
    Page list(PredictionCriteria criteria);

    /** By prediction id or transaction id (64 hex); empty when unknown. */
    Optional<StoredPrediction> find(String predictionIdOrTxid);

    /**
     * @param nextBeforeAlertId present when more predictions match below the last one of this page
     */
    record Page(List<StoredPrediction> items, OptionalLong nextBeforeAlertId) {
        public Page {
            items = List.copyOf(items);
            Objects.requireNonNull(nextBeforeAlertId, "nextBeforeAlertId");
        }
    }
}
