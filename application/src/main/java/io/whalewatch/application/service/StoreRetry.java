package io.whalewatch.application.service;

import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps alerting while the store fails: what could not be written waits in a bounded
 * {@link StoreRetryBuffer}, and a timer posts a retry to the pipeline inbox every interval. The
 * later write is idempotent (saveAll skips stored prediction ids). The trade-off: a crash while the
 * store is failing loses the buffered rows, never an alert.
 */
final class StoreRetry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StoreRetry.class.getName());
    private static final int BATCH = 1_000;
    private final StoreRetryBuffer buffer;
    private final PredictionRepository repository;
    private final PipelineInbox inbox;
    private final Duration interval;
    private final AtomicBoolean posted = new AtomicBoolean();
    private final ScheduledExecutorService timer = Threads.scheduler("whalewatch-store-retry");
    private boolean failing;

    StoreRetry(int capacity, Duration interval, PredictionRepository repository, PipelineInbox inbox) {
        this.buffer = new StoreRetryBuffer(capacity);
        this.repository = repository;
        this.inbox = inbox;
        this.interval = interval;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::postRetry, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Buffers predictions the store refused (pipeline thread). */
    void hold(List<Prediction> predictions, RuntimeException cause) {
        buffer.add(predictions);
        if (!failing) {
            failing = true;
            LOG.log(System.Logger.Level.ERROR, "store failed; alerting from memory, " + buffer.size()
                    + " predictions buffered for retry every " + interval.toSeconds() + " s: " + cause.getMessage());
        }
    }

    private void postRetry() {
        if (buffer.size() > 0 && posted.compareAndSet(false, true)) {
            inbox.post(() -> {
                posted.set(false);
                retry();
            });
        }
    }

    /** Writes the buffer in batches until it is empty or the store fails again; returns how many were written (pipeline thread). */
    int retry() {
        int written = 0;
        List<Prediction> batch;
        while (!(batch = buffer.oldest(BATCH)).isEmpty()) {
            try {
                repository.saveAll(batch);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "store still failing, " + buffer.size() + " predictions buffered: " + e.getMessage());
                return written;
            }
            buffer.removeOldest(batch.size());
            written += batch.size();
        }
        if (failing) {
            failing = false;
            LOG.log(System.Logger.Level.INFO, "store recovered; " + written + " buffered predictions written, "
                    + buffer.dropped() + " dropped while it failed");
        }
        return written;
    }

    int buffered() {
        return buffer.size();
    }

    long dropped() {
        return buffer.dropped();
    }

    /** "store_retry_buffer" in /health: degraded while predictions wait for the store. */
    ComponentHealth health() {
        String detail = buffer.size() + " of " + buffer.capacity() + " predictions waiting for the store, "
                + buffer.dropped() + " dropped";
        return buffer.size() == 0 ? ComponentHealth.ok(detail) : ComponentHealth.degraded(detail);
    }

    @Override
    public void close() {
        Threads.stop(timer);
    }
}
