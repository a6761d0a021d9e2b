package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.port.out.StoreHealth;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A PredictionRepository in memory, honouring the port's contract (idempotent, atomic batches). */
public final class InMemoryPredictionRepository implements PredictionRepository {
    public final Map<String, Prediction> predictions = new LinkedHashMap<>();
    public final Map<String, PredictionOutcome> outcomes = new LinkedHashMap<>();
    public boolean failing;

    @Override
    public List<Prediction> saveAll(List<Prediction> batch) {
        failIfAsked();
        List<Prediction> fresh = new ArrayList<>();
        for (Prediction p : batch) {
            if (predictions.putIfAbsent(p.id().value(), p) == null) {
                fresh.add(p);
            }
        }
        return fresh;
    }

    @Override
    public void saveOutcomes(List<PredictionOutcome> batch) {
        failIfAsked();
        batch.forEach(o -> outcomes.put(o.prediction().id().value(), o));
    }

    @Override
    public Optional<Prediction> findByTxid(TxId txid) {
        return predictions.values().stream().filter(p -> p.txid().equals(txid)).findFirst();
    }

    @Override
    public List<Prediction> findUnresolved(int limit) {
        return predictions.values().stream().filter(p -> {
            PredictionOutcome o = outcomes.get(p.id().value());
            return o == null || o.outcome() instanceof Outcome.Replaced
                    || o.outcome() instanceof Outcome.Dropped d && d.provisional();
        }).limit(limit).toList();
    }

    @Override
    public List<PredictionOutcome> findTracked(int limit) {
        return findUnresolved(limit).stream().map(p -> outcomes.getOrDefault(p.id().value(),
                new PredictionOutcome(p, new Outcome.Pending(), Optional.empty(), p.detectedAt()))).toList();
    }

    /** Statistics by the domain's counting rule over the stored outcomes. */
    @Override
    public <T> Optional<T> port(Class<T> type) {
        if (type == io.whalewatch.application.port.out.OutcomeStatistics.class) {
            io.whalewatch.application.port.out.OutcomeStatistics stats =
                    since -> io.whalewatch.domain.accuracy.ResolvedOutcomes.countSince(List.copyOf(outcomes.values()), since);
            return Optional.of(type.cast(stats));
        }
        return Optional.empty();
    }

    @Override
    public List<Prediction> findAfterAlertId(long alertId, int limit) {
        return predictions.values().stream().filter(p -> p.alertId() > alertId).limit(limit).toList();
    }

    @Override
    public long lastAlertId() {
        return predictions.values().stream().mapToLong(Prediction::alertId).max().orElse(0);
    }

    @Override
    public StoreHealth health() {
        return failing ? StoreHealth.failing("disk full") : StoreHealth.connected();
    }

    @Override
    public void close() {
    }

    private void failIfAsked() {
        if (failing) {
            throw new StoreException("disk full");
        }
    }
}
