package io.whalewatch.application.service;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.domain.prediction.Prediction;
import java.util.List;

/** Reads predictions in alert order from the store. */
final class ListPredictionsService implements ListPredictionsUseCase {
    private final PredictionRepository repository;

    ListPredictionsService(PredictionRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Prediction> list(Query query) {
        return repository.findAfterAlertId(query.afterAlertId(), query.limit());
    }
}
