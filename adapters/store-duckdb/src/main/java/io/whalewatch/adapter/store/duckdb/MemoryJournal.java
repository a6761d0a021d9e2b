package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal of an in-memory database ({@code DB_PATH=:memory:}): kept in memory, because the
 * store it fronts does not survive the process either, so a file would only promise more than the
 * store keeps. Same ordering and settle semantics as {@link JournalFile}.
 */
final class MemoryJournal implements PredictionJournal {
    private final List<Prediction> entries = new ArrayList<>();
    private long settledUpTo;
    private long lastAlertId;
    private boolean closed;

    @Override
    public synchronized void append(List<Prediction> predictions) {
        open();
        for (Prediction p : predictions) {
            if (p.alertId() > settledUpTo) {
                entries.add(p);
            }
            lastAlertId = Math.max(lastAlertId, p.alertId());
        }
    }

    @Override
    public synchronized void settle(long alertId) {
        open();
        settledUpTo = Math.max(settledUpTo, alertId);
        entries.removeIf(p -> p.alertId() <= settledUpTo);
    }

    @Override
    public synchronized List<Prediction> unsettled() {
        open();
        return List.copyOf(entries);
    }

    @Override
    public synchronized long lastAlertId() {
        return lastAlertId;
    }

    @Override
    public long corruptEntries() {
        return 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
        entries.clear();
    }

    private void open() {
        if (closed) {
            throw new StoreException("the in-memory prediction journal is closed");
        }
    }
}
