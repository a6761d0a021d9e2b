package io.whalewatch.application.service;

import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionAccuracyPolicy;
import io.whalewatch.domain.prediction.PredictionOutcome;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves tracked whales from a delta: mined = confirmed at the current tip, replaced = replaced
 * (the replacement is then followed under the original prediction), removed without replacement =
 * provisionally dropped. Outcomes are stored, then published as updates.
 */
final class TrackOutcomesService implements TrackOutcomesUseCase {
    private final OutcomeTracker tracker;
    private final MarketState market;
    private final PredictionRepository repository;
    private final SignalFanOut fanOut;
    private final PredictionAccuracyPolicy accuracy;
    private final Clock clock;
    private final PipelineCounters counters;

    TrackOutcomesService(OutcomeTracker tracker, MarketState market, PredictionRepository repository,
            SignalFanOut fanOut, PredictionAccuracyPolicy accuracy, Clock clock, PipelineCounters counters) {
        this.tracker = tracker;
        this.market = market;
        this.repository = repository;
        this.fanOut = fanOut;
        this.accuracy = accuracy;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public List<PredictionOutcome> track(MempoolDelta delta) {
        if (tracker.size() == 0) {
            return List.of();
        }
        Instant now = clock.instant();
        List<PredictionOutcome> outcomes = new ArrayList<>();
        Set<String> replacedTxids = new HashSet<>();
        for (Replacement r : delta.replaced()) {
            replacedTxids.add(r.replaced().value());
            tracker.resolve(r.replaced().value()).ifPresent(p -> {
                outcomes.add(new PredictionOutcome(p, new Outcome.Replaced(r.by(), now), Optional.empty(), now));
                tracker.followReplacement(r.by().value(), p);
            });
        }
        for (TxId mined : delta.mined()) {
            tracker.resolve(mined.value()).ifPresent(p -> outcomes.add(confirmed(p, now)));
        }
        for (TxId removed : delta.removed()) {
            if (!replacedTxids.contains(removed.value())) {
                tracker.get(removed.value()).filter(p -> !tracker.isProvisionallyDropped(removed.value())).ifPresent(p -> {
                    tracker.markProvisionallyDropped(removed.value());
                    outcomes.add(new PredictionOutcome(p, new Outcome.Dropped(true, now), Optional.empty(), now));
                });
            }
        }
        if (!outcomes.isEmpty()) {
            record(outcomes);
        }
        return outcomes;
    }

    private PredictionOutcome confirmed(Prediction p, Instant now) {
        return confirmedAt(p, market.tipHeight(), now, now);
    }

    private PredictionOutcome confirmedAt(Prediction p, int height, Instant blockTime, Instant now) {
        Outcome.Confirmed c = new Outcome.Confirmed(height, blockTime, height - p.predictedHeight());
        return new PredictionOutcome(p, c, Optional.of(accuracy.isAccurate(p.predictedHeight(), height)), now);
    }

    /**
     * Applies what the upstream's REST API said about a tracked txid (pipeline thread). Mined resolves
     * it as confirmed at the reported height; unknown to the node marks it provisionally dropped;
     * still in the mempool changes nothing. A txid resolved meanwhile by the stream is left alone.
     */
    void apply(String txid, Prediction prediction, TransactionStatus status) {
        if (tracker.get(txid).filter(prediction::equals).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (status instanceof TransactionStatus.Mined m) {
            tracker.resolve(txid);
            record(List.of(confirmedAt(prediction, m.height(), m.blockTime(), now)));
        } else if (status instanceof TransactionStatus.NotFound && !tracker.isProvisionallyDropped(txid)) {
            tracker.markProvisionallyDropped(txid);
            record(List.of(new PredictionOutcome(prediction, new Outcome.Dropped(true, now), Optional.empty(), now)));
        }
    }

    private void record(List<PredictionOutcome> outcomes) {
        repository.saveOutcomes(outcomes);
        counters.outcomes.add(outcomes.size());
        outcomes.forEach(o -> fanOut.publishUpdate(new PredictionUpdate(o.prediction(), o.outcome())));
    }

    /** The tracked txids and their predictions, for a resync snapshot (pipeline thread). */
    java.util.Map<String, Prediction> tracked() {
        return tracker.snapshot();
    }

    @Override
    public int trackedCount() {
        return tracker.size();
    }
}
