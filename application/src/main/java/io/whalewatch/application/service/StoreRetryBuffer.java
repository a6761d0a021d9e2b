package io.whalewatch.application.service;

import io.whalewatch.domain.prediction.Prediction;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Predictions that were alerted while the store failed, waiting to be written. Bounded: when full
 * the oldest is dropped and counted (it was alerted but will not be stored). Written on the
 * pipeline thread; read for health from any thread, hence synchronized.
 */
final class StoreRetryBuffer {
    private final ArrayDeque<Prediction> pending = new ArrayDeque<>();
    private final int capacity;
    private long dropped;

    StoreRetryBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(List<Prediction> predictions) {
        for (Prediction p : predictions) {
            if (pending.size() >= capacity) {
                pending.removeFirst();
                dropped++;
            }
            pending.addLast(p);
        }
    }

    /** Up to {@code max} of the oldest, still buffered until {@link #removeOldest}. */
    synchronized List<Prediction> oldest(int max) {
        return pending.stream().limit(max).toList();
    }

    synchronized void removeOldest(int count) {
        for (int i = 0; i < count && !pending.isEmpty(); i++) {
            pending.removeFirst();
        }
    }

    synchronized int size() {
        return pending.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    int capacity() {
        return capacity;
    }
}
