package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.port.out.StoreHealth;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A PredictionRepository in memory, honouring the port's contract (idempotent, atomic batches).
 * Thread-safe, since the store writer calls it from its own thread; offers {@link #journal} when set.
 */
public final class InMemoryPredictionRepository implements PredictionRepository {
    public final Map<String, Prediction> predictions = Collections.synchronizedMap(new LinkedHashMap<>());
    public final Map<String, PredictionOutcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    public volatile boolean failing;
    /** The journal this store offers through {@link #port}; none when null. */
    public volatile PredictionJournal journal;
    /** How often saveAll was called (each call is one store transaction). */
    public final java.util.concurrent.atomic.AtomicInteger saveCalls = new java.util.concurrent.atomic.AtomicInteger();
    /** When set, saveAll waits for it first (to observe what happens before a row is written). */
    public volatile CountDownLatch saveGate;

    @Override
    public synchronized List<Prediction> saveAll(List<Prediction> batch) {
        saveCalls.incrementAndGet();
        CountDownLatch gate = saveGate;
        if (gate != null) {
            try {
                if (!gate.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new StoreException("save gate not opened within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted");
            }
        }
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
        if (type == PredictionJournal.class && journal != null) {
            return Optional.of(type.cast(journal));
        }
        if (type == io.whalewatch.application.port.out.OutcomeStatistics.class) {
            io.whalewatch.application.port.out.OutcomeStatistics stats =
                    since -> io.whalewatch.domain.accuracy.ResolvedOutcomes.countSince(List.copyOf(outcomes.values()), since);
            return Optional.of(type.cast(stats));
        }
        return Optional.empty();
    }

    @Override
    public List<Prediction> findAfterAlertId(long alertId, int limit) {
        return List.copyOf(predictions.values()).stream().filter(p -> p.alertId() > alertId).limit(limit).toList();
    }

    @Override
    public long lastAlertId() {
        return List.copyOf(predictions.values()).stream().mapToLong(Prediction::alertId).max().orElse(0);
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
