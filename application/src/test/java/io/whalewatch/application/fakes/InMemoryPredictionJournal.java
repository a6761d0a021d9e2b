package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import java.util.ArrayList;
import java.util.List;

/** A PredictionJournal in memory: what a real journal file would hold across a restart of the application. */
public final class InMemoryPredictionJournal implements PredictionJournal {
    private final List<Prediction> entries = new ArrayList<>();
    private long settled;
    private long last;
    public volatile boolean failing;
    public int appends;

    @Override
    public synchronized void append(List<Prediction> predictions) {
        if (failing) {
            throw new StoreException("journal device full");
        }
        appends++;
        for (Prediction p : predictions) {
            entries.add(p);
            last = Math.max(last, p.alertId());
        }
    }

    @Override
    public synchronized void settle(long alertId) {
        settled = Math.max(settled, alertId);
        entries.removeIf(p -> p.alertId() <= settled);
    }

    @Override
    public synchronized List<Prediction> unsettled() {
        return List.copyOf(new ArrayList<>(entries));
    }

    @Override
    public synchronized long lastAlertId() {
        return last;
    }

    @Override
    public long corruptEntries() {
        return 0;
    }

    @Override
    public void close() {
    }
}
