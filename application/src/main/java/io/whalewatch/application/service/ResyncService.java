package io.whalewatch.application.service;

import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.SourceUnavailableException;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Prediction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Re-checks every tracked whale over the source's REST API after the stream may have missed
 * events (a sequence gap, an upstream restart, a reconnect) and at start-up. Look-ups run on one
 * background thread; their results go back to the pipeline thread through the {@link PipelineInbox}.
 * A resync requested while one is running is folded into it (one more pass afterwards).
 */
final class ResyncService implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ResyncService.class.getName());
    private final MempoolSource source;
    private final PipelineInbox inbox;
    private final TrackOutcomesService outcomes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "whalewatch-resync");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    ResyncService(MempoolSource source, PipelineInbox inbox, TrackOutcomesService outcomes) {
        this.source = source;
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    /** Snapshot of what to check, taken on the pipeline thread; the look-ups happen later. */
    void request(Map<String, Prediction> tracked) {
        if (tracked.isEmpty() || !queued.compareAndSet(false, true)) {
            return;
        }
        List<Map.Entry<String, Prediction>> snapshot = List.copyOf(tracked.entrySet());
        worker.execute(() -> {
            queued.set(false);
            check(snapshot);
        });
    }

    private void check(List<Map.Entry<String, Prediction>> snapshot) {
        int unavailable = 0;
        for (Map.Entry<String, Prediction> e : snapshot) {
            try {
                TransactionStatus status = source.lookUp(TxId.of(e.getKey()));
                inbox.post(() -> outcomes.apply(e.getKey(), e.getValue(), status));
                if (status instanceof TransactionStatus.Replaced r) {
                    // the replacement may itself have confirmed during the outage: ask about it too
                    TransactionStatus replacement = source.lookUp(r.by());
                    inbox.post(() -> outcomes.apply(r.by().value(), e.getValue(), replacement));
                }
            } catch (SourceUnavailableException ex) {
                unavailable++;
            }
        }
        LOG.log(System.Logger.Level.INFO, "resync checked {0} tracked whales over REST ({1} unanswered)", snapshot.size(), unavailable);
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
