package io.whalewatch.application.service;

import io.whalewatch.application.port.in.TrackOutcomesUseCase;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves tracked whales: mined = confirmed at the current tip; replaced = replaced (with the fee
 * bump when the replacement's fee rate is known), the replacement then followed under the original
 * prediction so its confirmation closes the chain as confirmed; removed without replacement =
 * provisionally dropped, final after the horizon or when a conflicting transaction is mined.
 * Outcomes are stored, then published as updates. Pipeline thread only.
 */
final class TrackOutcomesService implements TrackOutcomesUseCase {
    private final OutcomeTracker tracker;
    private final MarketState market;
    private final PredictionRepository repository;
    private final SignalFanOut fanOut;
    private final Outcomes outcomes;
    private final Clock clock;
    private final Duration dropHorizon;
    private final PipelineCounters counters;
    /** Three blocks' worth of mined txids plus evictions: enough to cover a late REST enrichment. */
    private final RecentFates recentFates = new RecentFates(20_000);

    TrackOutcomesService(OutcomeTracker tracker, MarketState market, PredictionRepository repository,
            SignalFanOut fanOut, Outcomes outcomes, Clock clock, Duration dropHorizon, PipelineCounters counters) {
        this.tracker = tracker;
        this.market = market;
        this.repository = repository;
        this.fanOut = fanOut;
        this.outcomes = outcomes;
        this.clock = clock;
        this.dropHorizon = dropHorizon;
        this.counters = counters;
    }

    @Override
    public List<PredictionOutcome> track(MempoolDelta delta) {
        Instant now = clock.instant();
        List<PredictionOutcome> recorded = new ArrayList<>(lateArrivals(delta, now));
        rememberFates(delta, now);
        if (tracker.size() == 0) {
            record(recorded);
            return recorded;
        }
        Set<String> replacedTxids = new HashSet<>();
        Map<TxId, MempoolTransaction> added = delta.added().stream()
                .collect(Collectors.toMap(MempoolTransaction::txid, t -> t, (a, b) -> a));
        for (Replacement r : delta.replaced()) {
            replacedTxids.add(r.replaced().value());
            MempoolTransaction replacement = added.get(r.by());
            for (Prediction p : tracker.resolve(r.replaced().value())) {
                OptionalDouble bump = replacement == null ? OptionalDouble.empty()
                        : OptionalDouble.of(replacement.feeRate().satPerVbyte() - p.feeRate().satPerVbyte());
                recorded.add(outcomes.replaced(p, r.by(), now, bump));
                tracker.followReplacement(r.by().value(), p);
            }
        }
        for (TxId mined : delta.mined()) {
            tracker.resolve(mined.value()).forEach(p -> recorded.add(outcomes.confirmed(p, market.tipHeight(), now, now)));
        }
        for (TxId removed : delta.removed()) {
            if (!replacedTxids.contains(removed.value())) {
                recorded.addAll(dropProvisionally(removed.value(), now));
            }
        }
        record(recorded);
        return recorded;
    }

    /** Whales announced after their own fate: resolve them from what the stream already said. */
    private List<PredictionOutcome> lateArrivals(MempoolDelta delta, Instant now) {
        List<PredictionOutcome> late = new ArrayList<>();
        for (MempoolTransaction tx : delta.added()) {
            String txid = tx.txid().value();
            recentFates.take(txid).filter(f -> !tracker.get(txid).isEmpty()).ifPresent(f -> {
                if (f.mined()) {
                    tracker.resolve(txid).forEach(p -> late.add(outcomes.confirmed(p, f.height(), f.at(), now)));
                } else {
                    late.addAll(dropProvisionally(txid, f.at()));
                }
            });
        }
        return late;
    }

    /**
     * Every mined txid, tracked or not: a replacement followed under the whale it replaced can be mined
     * before its own (REST-enriched) announcement makes it a whale of its own.
     */
    private void rememberFates(MempoolDelta delta, Instant now) {
        for (TxId mined : delta.mined()) {
            recentFates.mined(mined.value(), market.tipHeight(), now);
        }
        Set<TxId> replaced = delta.replaced().stream().map(Replacement::replaced).collect(Collectors.toSet());
        for (TxId removed : delta.removed()) {
            if (!replaced.contains(removed)) {
                recentFates.removed(removed.value(), now);
            }
        }
    }

    private List<PredictionOutcome> dropProvisionally(String txid, Instant now) {
        if (tracker.isProvisionallyDropped(txid) || tracker.get(txid).isEmpty()) {
            return List.of();
        }
        tracker.markProvisionallyDropped(txid, now);
        return tracker.get(txid).stream().map(p -> outcomes.provisionalDrop(p, now)).toList();
    }

    /**
     * Applies what the upstream's REST API said about a tracked txid (pipeline thread): mined =
     * confirmed at the reported height; a mined conflict = finally dropped; replaced = replaced, and the
     * replacement is followed in its place; unknown = provisionally
     * dropped; in the mempool = no longer heading for a final drop. A txid resolved meanwhile is left alone.
     */
    void apply(String txid, Prediction prediction, TransactionStatus status) {
        if (!tracker.get(txid).contains(prediction)) {
            return;
        }
        Instant now = clock.instant();
        if (status instanceof TransactionStatus.Mined m) {
            record(tracker.resolve(txid).stream().map(p -> outcomes.confirmed(p, m.height(), m.blockTime(), now)).toList());
        } else if (status instanceof TransactionStatus.Conflicted) {
            Instant droppedAt = tracker.droppedAt(txid).orElse(now);
            record(tracker.resolve(txid).stream().map(p -> outcomes.finalDrop(p, droppedAt, now)).toList());
        } else if (status instanceof TransactionStatus.Replaced r) {
            List<PredictionOutcome> replaced = new ArrayList<>();
            for (Prediction p : tracker.resolve(txid)) {
                replaced.add(outcomes.replaced(p, r.by(), now, OptionalDouble.empty()));
                tracker.followReplacement(r.by().value(), p);
            }
            record(replaced);
        } else if (status instanceof TransactionStatus.NotFound) {
            record(dropProvisionally(txid, now));
        } else if (status instanceof TransactionStatus.InMempool) {
            tracker.clearProvisionalDrop(txid);
        }
    }

    /** Makes provisional drops older than the horizon final (pipeline thread; posted by a timer). */
    List<PredictionOutcome> finalizeDueDrops() {
        Instant now = clock.instant();
        List<PredictionOutcome> recorded = new ArrayList<>();
        for (String txid : tracker.droppedAtOrBefore(now.minus(dropHorizon))) {
            Instant droppedAt = tracker.droppedAt(txid).orElse(now);
            tracker.resolve(txid).forEach(p -> recorded.add(outcomes.finalDrop(p, droppedAt, now)));
        }
        record(recorded);
        return recorded;
    }

    /** Resumes tracking what a previous run left unresolved, in the state it was left in. */
    void resume(List<PredictionOutcome> tracked) {
        for (PredictionOutcome o : tracked) {
            Prediction p = o.prediction();
            if (o.outcome() instanceof Outcome.Replaced r) {
                tracker.followReplacement(r.by().value(), p);
            } else {
                tracker.follow(p);
                if (o.outcome() instanceof Outcome.Dropped d && d.provisional()) {
                    tracker.markProvisionallyDropped(p.txid().value(), d.at());
                }
            }
        }
    }

    private void record(List<PredictionOutcome> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        repository.saveOutcomes(recorded);
        counters.outcomes.add(recorded.size());
        recorded.forEach(o -> fanOut.publishUpdate(new PredictionUpdate(o.prediction(), o.outcome())));
    }

    /** The tracked txids and one prediction each, for a resync snapshot (pipeline thread). */
    Map<String, Prediction> tracked() {
        return tracker.snapshot();
    }

    @Override
    public int trackedCount() {
        return tracker.size();
    }

    Optional<Instant> droppedAt(String txid) {
        return tracker.droppedAt(txid);
    }
}
