package io.whalewatch.application.service;

import io.whalewatch.domain.prediction.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The predictions already alerted (durable in the journal) that the store has not written yet.
 * Readers that page through the alert stream (a resuming WebSocket client) look here as well as
 * in the store, so an alert published a millisecond before its row lands is not skipped.
 *
 * <p>Bounded: while the store is down the oldest entries are forgotten here (they stay in the
 * journal and reach the store when it is back); a resume during such an outage may then miss
 * them, which is no worse than the store being down. Thread-safe.
 */
final class InFlightPredictions {
    private final ConcurrentSkipListMap<Long, Prediction> byAlertId = new ConcurrentSkipListMap<>();
    private final int capacity;

    InFlightPredictions(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    void add(List<Prediction> predictions) {
        for (Prediction p : predictions) {
            byAlertId.put(p.alertId(), p);
        }
        while (byAlertId.size() > capacity) {
            byAlertId.pollFirstEntry();
        }
    }

    /** The store now holds these. */
    void stored(List<Prediction> predictions) {
        for (Prediction p : predictions) {
            byAlertId.remove(p.alertId(), p);
        }
    }

    /** The store holds everything up to this alert id. */
    void storedUpTo(long alertId) {
        byAlertId.headMap(alertId, true).clear();
    }

    /** Up to {@code limit} predictions with an alert id above {@code afterAlertId}, in alert order. */
    List<Prediction> after(long afterAlertId, int limit) {
        List<Prediction> out = new ArrayList<>();
        for (Prediction p : byAlertId.tailMap(afterAlertId, false).values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    int size() {
        return byAlertId.size();
    }
}
