package io.whalewatch.application.service;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.domain.prediction.Prediction;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads predictions in alert order from the store, merged with the alerted predictions the store
 * has not written yet ({@link InFlightPredictions}), so a resuming client never skips one.
 */
final class ListPredictionsService implements ListPredictionsUseCase {
    private final PredictionRepository repository;
    private final InFlightPredictions inFlight;

    ListPredictionsService(PredictionRepository repository, InFlightPredictions inFlight) {
        this.repository = repository;
        this.inFlight = inFlight;
    }

    @Override
    public List<Prediction> list(Query query) {
        // in-flight first: an entry leaves it only after its row is committed, so whatever is
        // missing from this snapshot is already in the store when the store is read next
        List<Prediction> pending = inFlight.after(query.afterAlertId(), query.limit());
        List<Prediction> stored = repository.findAfterAlertId(query.afterAlertId(), query.limit());
        if (pending.isEmpty()) {
            return stored;
        }
        TreeMap<Long, Prediction> merged = new TreeMap<>();
        stored.forEach(p -> merged.put(p.alertId(), p));
        pending.forEach(p -> merged.putIfAbsent(p.alertId(), p));
        return merged.values().stream().limit(query.limit()).toList();
    }
}
