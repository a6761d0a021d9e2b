package io.whalewatch.application.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What recently happened to transactions nobody tracked yet: mined at a height, or removed. A
 * transaction can reach the pipeline after its own fate — a candidate whose inputs were fetched
 * over REST while its block arrived, or a lagging backend re-announcing a mined transaction — and
 * would otherwise wait for an outcome forever. Bounded (oldest forgotten). Pipeline thread only.
 */
final class RecentFates {
    /** A fate: mined at {@code height} (when {@code mined}) or removed, at {@code at}. */
    record Fate(boolean mined, int height, Instant at) {
    }

    private final Map<String, Fate> byTxid;

    RecentFates(int capacity) {
        this.byTxid = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Fate> eldest) {
                return size() > capacity;
            }
        };
    }

    void mined(String txid, int height, Instant at) {
        byTxid.put(txid, new Fate(true, height, at));
    }

    void removed(String txid, Instant at) {
        byTxid.putIfAbsent(txid, new Fate(false, 0, at));
    }

    /** The fate of a transaction that has just arrived, forgetting it. */
    Optional<Fate> take(String txid) {
        return byTxid.isEmpty() ? Optional.empty() : Optional.ofNullable(byTxid.remove(txid));
    }
}
