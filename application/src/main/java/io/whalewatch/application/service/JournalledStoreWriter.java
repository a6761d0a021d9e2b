package io.whalewatch.application.service;

import io.whalewatch.application.port.out.ComponentHealth;
import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes whales off the hot path: {@link #accept} makes a batch durable in the {@link PredictionJournal}
 * (a synced append, well under a millisecond) and returns, so the pipeline can publish at once; a
 * writer thread then stores the batches in the {@link PredictionRepository} (merging what queued
 * meanwhile into one transaction) and settles the journal.
 *
 * <p>The writer starts a store transaction at most once per {@code writeInterval}: a batch that finds the
 * writer idle for longer is written at once, while batches that follow a write closely wait for the
 * rest of the interval and go into one transaction together. A store transaction has a fixed cost
 * (DuckDB: an existence check, an appender, a commit with its sync: 3-4 ms for one row, 10 ms for 100);
 * during a resync burst, with whales in nearly every frame, one write per frame used 0.7-0.8 s of
 * CPU on a two-core machine that the parser needed. The rows are durable in the journal meanwhile and
 * visible to resuming clients through {@link InFlightPredictions}.
 *
 * <p>Nothing is lost on any path: when the queue is full or the store fails, the writer drops what
 * it holds in memory and catches up from the journal instead (re-reading its unsettled entries and
 * storing them, idempotently), retrying every {@code retryInterval} until the store answers. A crash
 * leaves the unsettled entries in the journal, and {@link #recover} stores them at the next start.
 */
final class JournalledStoreWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournalledStoreWriter.class.getName());
    private static final int MAX_ROWS_PER_WRITE = 5_000;
    private static final long CLOSING_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final PredictionJournal journal;
    private final PredictionRepository repository;
    private final InFlightPredictions inFlight;
    private final Duration retryInterval;
    private final long writeIntervalNanos;
    private long lastWriteEnded; // writer thread only (set before it starts)
    private final BlockingQueue<List<Prediction>> queue;
    private final AtomicBoolean behind = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final Thread thread;
    private volatile String lastFailure = "";

    JournalledStoreWriter(PredictionJournal journal, PredictionRepository repository, InFlightPredictions inFlight,
            int queueBatches, Duration retryInterval, Duration writeInterval) {
        this.journal = journal;
        this.repository = repository;
        this.inFlight = inFlight;
        this.retryInterval = retryInterval;
        this.writeIntervalNanos = writeInterval.toNanos();
        this.lastWriteEnded = System.nanoTime() - writeIntervalNanos; // as if idle for an interval: the first write goes at once
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueBatches));
        this.thread = new Thread(this::run, "whalewatch-store-writer");
        this.thread.setDaemon(true);
    }

    /**
     * Stores what the previous run journalled but never stored (call once, before the pipeline
     * starts). When the store fails now, the entries simply stay in the journal for the writer.
     */
    void recover() {
        List<Prediction> unsettled = journal.unsettled();
        if (unsettled.isEmpty()) {
            return;
        }
        try {
            storeInChunks(unsettled);
            LOG.log(System.Logger.Level.INFO, "stored " + unsettled.size()
                    + " journalled predictions the previous run had alerted but not stored");
        } catch (RuntimeException e) {
            behind.set(true);
            inFlight.add(unsettled);
            LOG.log(System.Logger.Level.ERROR, "could not store " + unsettled.size()
                    + " journalled predictions yet; they stay in the journal: " + e.getMessage());
        }
    }

    void start() {
        thread.start();
    }

    /**
     * Makes the batch durable in the journal and queues it for the store (pipeline thread).
     *
     * @throws io.whalewatch.application.port.out.StoreException when the journal cannot take it; nothing was accepted
     */
    List<Prediction> accept(List<Prediction> whales) {
        journal.append(whales);
        inFlight.add(whales);
        if (!queue.offer(whales)) {
            behind.set(true); // the journal has them; the writer catches up from it
        }
        return whales;
    }

    private void run() {
        while (!closing.get()) {
            try {
                if (behind.get()) {
                    catchUp();
                    continue;
                }
                List<Prediction> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first != null) {
                    write(gatherUntilDue(first));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        finish();
    }

    /** At shutdown: one last attempt to store what is queued (or, when behind, what the journal holds). */
    private void finish() {
        try {
            List<Prediction> first;
            while (!behind.get() && (first = queue.poll()) != null) {
                write(drainInto(new ArrayList<>(first)));
            }
            if (behind.get()) {
                storeJournalled();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "store failing at shutdown; unsettled predictions stay in the journal"
                    + " for the next start: " + e.getMessage());
        }
    }

    private List<Prediction> drainInto(List<Prediction> rows) {
        List<Prediction> next;
        while (rows.size() < MAX_ROWS_PER_WRITE && (next = queue.poll()) != null) {
            rows.addAll(next);
        }
        return rows;
    }

    /**
     * {@code first} and what else arrives until a write interval has passed since the last write ended
     * (no wait when the writer was idle that long), up to {@link #MAX_ROWS_PER_WRITE}. The queue is
     * drained while waiting, so it never fills because of the wait; closing ends the wait.
     */
    private List<Prediction> gatherUntilDue(List<Prediction> first) throws InterruptedException {
        List<Prediction> rows = new ArrayList<>(first);
        long due = lastWriteEnded + writeIntervalNanos;
        long wait;
        while (rows.size() < MAX_ROWS_PER_WRITE && !closing.get() && (wait = due - System.nanoTime()) > 0) {
            List<Prediction> next = queue.poll(Math.min(wait, CLOSING_CHECK_NANOS), TimeUnit.NANOSECONDS);
            if (next != null) {
                rows.addAll(next);
            }
        }
        return drainInto(rows);
    }

    private void write(List<Prediction> rows) {
        try {
            repository.saveAll(rows);
        } catch (RuntimeException e) {
            fail(e);
            return;
        } finally {
            lastWriteEnded = System.nanoTime();
        }
        written.addAndGet(rows.size());
        if (!behind.get()) {
            // everything before these rows was stored earlier (queue order = journal order), so the
            // journal may settle up to the last of them; while behind, the catch-up settles instead
            journal.settle(rows.get(rows.size() - 1).alertId());
        }
        inFlight.stored(rows);
    }

    private void fail(RuntimeException e) {
        recordFailure(e);
        if (!behind.getAndSet(true)) {
            LOG.log(System.Logger.Level.ERROR, "store failed; alerts go on, journalled predictions are stored when it is back (retry every "
                    + retryInterval.toSeconds() + " s): " + e.getMessage());
        }
    }

    /** Stores the journal's unsettled entries, retrying after {@code retryInterval} while the store fails. */
    private void catchUp() throws InterruptedException {
        try {
            int stored = storeJournalled();
            LOG.log(System.Logger.Level.INFO, "store caught up: " + stored + " journalled predictions stored");
        } catch (RuntimeException e) {
            recordFailure(e);
            pauseUnlessClosing(retryInterval);
        }
    }

    /** Drops the queue (the journal holds it all), stores the journal's unsettled entries and is no longer behind. */
    private int storeJournalled() {
        queue.clear();
        List<Prediction> unsettled = journal.unsettled();
        storeInChunks(unsettled);
        behind.set(false);
        written.addAndGet(unsettled.size());
        return unsettled.size();
    }

    private void recordFailure(RuntimeException e) {
        storeFailures.incrementAndGet();
        lastFailure = String.valueOf(e.getMessage());
    }

    private void pauseUnlessClosing(Duration pause) throws InterruptedException {
        long until = System.nanoTime() + pause.toNanos();
        while (!closing.get() && System.nanoTime() < until) {
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private void storeInChunks(List<Prediction> unsettled) {
        for (int from = 0; from < unsettled.size(); from += MAX_ROWS_PER_WRITE) {
            List<Prediction> chunk = unsettled.subList(from, Math.min(unsettled.size(), from + MAX_ROWS_PER_WRITE));
            repository.saveAll(chunk);
            long last = chunk.get(chunk.size() - 1).alertId();
            journal.settle(last);
            inFlight.storedUpTo(last);
        }
    }

    /** "store_writer" in /health: degraded while journalled predictions wait for a failing store. */
    ComponentHealth health() {
        if (behind.get() && storeFailures.get() > 0) {
            return ComponentHealth.degraded("store failing (" + lastFailure + "); " + inFlight.size()
                    + " alerted predictions wait in the journal");
        }
        return ComponentHealth.ok(written.get() + " predictions written, " + queue.size() + " batches queued");
    }

    /**
     * Stops taking work and stores what is queued, waiting at most {@code timeout}; what is left
     * stays in the journal for the next start.
     */
    void close(Duration timeout) {
        closing.set(true);
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            LOG.log(System.Logger.Level.WARNING, "store writer did not finish within " + timeout.toSeconds()
                    + " s; unsettled predictions stay in the journal for the next start");
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
