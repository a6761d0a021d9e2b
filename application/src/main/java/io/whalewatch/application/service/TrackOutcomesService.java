package io.whalewatch.application.service;

import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.PredictionRepository;
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
                tracker.get(removed.value()).ifPresent(p -> outcomes.add(
                        new PredictionOutcome(p, new Outcome.Dropped(true, now), Optional.empty(), now)));
            }
        }
        if (!outcomes.isEmpty()) {
            repository.saveOutcomes(outcomes);
            counters.outcomes.add(outcomes.size());
            outcomes.forEach(o -> fanOut.publishUpdate(new PredictionUpdate(o.prediction(), o.outcome())));
        }
        return outcomes;
    }

    private PredictionOutcome confirmed(Prediction p, Instant now) {
        int height = market.tipHeight();
        Outcome.Confirmed c = new Outcome.Confirmed(height, now, height - p.predictedHeight());
        return new PredictionOutcome(p, c, Optional.of(accuracy.isAccurate(p.predictedHeight(), height)), now);
    }

    @Override
    public int trackedCount() {
        return tracker.size();
    }
}
