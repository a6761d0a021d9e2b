package io.whalewatch.application.service;

import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Pages through stored predictions; asks the store for one row more than the page to know whether another page follows. */
final class QueryPredictionsService implements QueryPredictionsUseCase {
    private final PredictionQueries queries;

    QueryPredictionsService(PredictionQueries queries) {
        this.queries = queries;
    }

    @Override
    public Page list(PredictionCriteria criteria) {
        int limit = Math.min(criteria.limit(), PredictionCriteria.MAX_LIMIT - 1);
        List<StoredPrediction> rows = queries.find(criteria.page(criteria.beforeAlertId(), limit + 1));
        if (rows.size() <= limit) {
            return new Page(rows, OptionalLong.empty());
        }
        List<StoredPrediction> page = rows.subList(0, limit);
        return new Page(page, OptionalLong.of(page.get(limit - 1).prediction().alertId()));
    }

    @Override
    public Optional<StoredPrediction> find(String predictionIdOrTxid) {
        if (predictionIdOrTxid == null || predictionIdOrTxid.isBlank()) {
            return Optional.empty();
        }
        return queries.findById(predictionIdOrTxid.trim());
    }
}
