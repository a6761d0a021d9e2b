package io.whalewatch.application.service;

import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries;
import io.whalewatch.application.port.out.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stands in when the store offers no {@link PredictionQueries}: every query fails as a store failure (503 at the API). */
final class UnavailableQueries implements PredictionQueries {
    private static StoreException unavailable() {
        return new StoreException("this store offers no prediction queries");
    }

    @Override
    public List<StoredPrediction> find(PredictionCriteria criteria) {
        throw unavailable();
    }

    @Override
    public Optional<StoredPrediction> findById(String predictionIdOrTxid) {
        throw unavailable();
    }

    @Override
    public List<FlowBucket> flows(Bucket bucket, Instant from, Instant to) {
        throw unavailable();
    }

    @Override
    public List<VolumeBucket> volume(Bucket bucket, Instant from, Instant to) {
        throw unavailable();
    }
}
