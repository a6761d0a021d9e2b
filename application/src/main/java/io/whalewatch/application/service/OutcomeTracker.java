package io.whalewatch.application.service;

import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unresolved whales, by the txid whose fate decides them: a prediction's own txid, or after an
 * RBF replacement the replacing txid (a replaced whale may share that key with the replacement's own
 * prediction, so each key holds a list). Bounded: when full the oldest key is dropped from memory (it
 * stays unresolved in the store and is re-checked at the next start). Pipeline thread only.
 */
final class OutcomeTracker {
    private final Map<String, List<Prediction>> byTxid;
    private final Map<String, Instant> provisionallyDropped = new HashMap<>();
    private int predictions;

    OutcomeTracker(int capacity) {
        this.byTxid = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Prediction>> eldest) {
                boolean evict = size() > capacity;
                if (evict) {
                    provisionallyDropped.remove(eldest.getKey());
                    predictions -= eldest.getValue().size();
                }
                return evict;
            }
        };
    }

    void follow(Prediction p) {
        followReplacement(p.txid().value(), p);
    }

    /**
     * Follows a transaction on behalf of a prediction: its confirmation resolves that prediction (the
     * chain original -> replacement -> ... is closed by whichever confirms).
     */
    void followReplacement(String txid, Prediction p) {
        List<Prediction> list = byTxid.get(txid);
        if (list == null) {
            list = new ArrayList<>(1);
            list.add(p);
            predictions++;
            byTxid.put(txid, list);
        } else if (!list.contains(p)) {
            list.add(p);
            predictions++;
        }
    }

    /** The predictions decided by this txid; empty when none. */
    List<Prediction> get(String txid) {
        return byTxid.getOrDefault(txid, List.of());
    }

    /** Stops tracking a txid and returns the predictions it decided. */
    List<Prediction> resolve(String txid) {
        provisionallyDropped.remove(txid);
        List<Prediction> list = byTxid.remove(txid);
        if (list == null) {
            return List.of();
        }
        predictions -= list.size();
        return list;
    }

    /** Left the mempool: still tracked (it may confirm after all) until the drop becomes final. */
    void markProvisionallyDropped(String txid, Instant at) {
        if (byTxid.containsKey(txid)) {
            provisionallyDropped.putIfAbsent(txid, at);
        }
    }

    /** Seen in the mempool again (re-broadcast): no longer heading for a final drop. */
    void clearProvisionalDrop(String txid) {
        provisionallyDropped.remove(txid);
    }

    boolean isProvisionallyDropped(String txid) {
        return provisionallyDropped.containsKey(txid);
    }

    Optional<Instant> droppedAt(String txid) {
        return Optional.ofNullable(provisionallyDropped.get(txid));
    }

    /** Txids provisionally dropped at or before {@code cutoff}. */
    List<String> droppedAtOrBefore(Instant cutoff) {
        return provisionallyDropped.entrySet().stream().filter(e -> !e.getValue().isAfter(cutoff))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** One prediction per tracked txid (for REST re-checks, which look up txids). */
    Map<String, Prediction> snapshot() {
        Map<String, Prediction> copy = new LinkedHashMap<>();
        byTxid.forEach((txid, list) -> copy.put(txid, list.get(0)));
        return copy;
    }

    Collection<Prediction> all() {
        return byTxid.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Drops the oldest txids from memory until at most {@code floor} predictions remain (memory
     * relief); they stay unresolved in the store and are re-checked at the next start. Returns how
     * many predictions went.
     */
    int evictOldest(int floor) {
        int before = predictions;
        var it = byTxid.entrySet().iterator();
        while (predictions > floor && it.hasNext()) {
            Map.Entry<String, List<Prediction>> e = it.next();
            provisionallyDropped.remove(e.getKey());
            predictions -= e.getValue().size();
            it.remove();
        }
        return before - predictions;
    }

    /** How many predictions are tracked. */
    int size() {
        return predictions;
    }
}
