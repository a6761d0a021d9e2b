package io.whalewatch.application.service;

import io.whalewatch.domain.prediction.Prediction;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The unresolved whales, by txid. Bounded: when full the oldest is dropped from memory (it stays
 * unresolved in the store and is re-checked at the next start). Pipeline thread only.
 */
final class OutcomeTracker {
    private final Map<String, Prediction> byTxid;
    private final java.util.Set<String> provisionallyDropped = new java.util.HashSet<>();

    OutcomeTracker(int capacity) {
        this.byTxid = new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Prediction> eldest) {
                boolean evict = size() > capacity;
                if (evict) {
                    provisionallyDropped.remove(eldest.getKey());
                }
                return evict;
            }
        };
    }

    void follow(Prediction p) {
        byTxid.put(p.txid().value(), p);
    }

    /**
     * Follows a replacement under the prediction it replaces: its confirmation resolves that
     * prediction (the chain original -> replacement is closed by whichever confirms).
     */
    void followReplacement(String replacementTxid, Prediction original) {
        byTxid.put(replacementTxid, original);
    }

    Optional<Prediction> get(String txid) {
        return Optional.ofNullable(byTxid.get(txid));
    }

    Optional<Prediction> resolve(String txid) {
        provisionallyDropped.remove(txid);
        return Optional.ofNullable(byTxid.remove(txid));
    }

    /** Left the mempool: still tracked (it may confirm after all), but not reported as dropped twice. */
    void markProvisionallyDropped(String txid) {
        provisionallyDropped.add(txid);
    }

    boolean isProvisionallyDropped(String txid) {
        return provisionallyDropped.contains(txid);
    }

    Map<String, Prediction> snapshot() {
        return Map.copyOf(byTxid);
    }

    Collection<Prediction> all() {
        return byTxid.values();
    }

    int size() {
        return byTxid.size();
    }
}
