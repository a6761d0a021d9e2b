package io.whalewatch.application.service;

import io.whalewatch.application.port.in.IngestMempoolDeltaUseCase;
import io.whalewatch.application.port.out.PredictionRepository;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hot path: dedupe, detect, make the frame's whales durable in one batch, then publish them.
 * Durable before published means a crash can delay an alert but never lose one that a client saw;
 * the stable prediction id means a re-announced transaction is not alerted twice.
 *
 * <p>With a {@link JournalledStoreWriter} (the store offers a journal), "durable" is a synced journal
 * append and the store is written off the hot path; without one, or when the journal fails, the
 * batch is stored synchronously. When the store fails ({@link StoreException}) the batch is published
 * anyway and held in the bounded {@link StoreRetry} buffer: alerts keep flowing, the rows are
 * written once the store is back.
 */
final class IngestMempoolDeltaService implements IngestMempoolDeltaUseCase {
    private static final System.Logger LOG = System.getLogger(IngestMempoolDeltaService.class.getName());
    /**
     * One DEBUG line per published whale with its frame's receipt and its publication in microseconds since
     * the epoch ({@code LOG_LATENCY=DEBUG}), so that a client on the same machine can measure frame receipt to
     * alert received per alert, exactly (the load harness does); off by default.
     */
    private static final System.Logger LATENCY = System.getLogger("io.whalewatch.latency");
    private final WhaleDetector detector;
    private final MarketState market;
    private final RecentTransactions recent;
    private final PredictionRepository repository;
    private final SignalFanOut fanOut;
    private final OutcomeTracker tracker;
    private final Clock clock;
    private final AtomicLong nextAlertId;
    private final PipelineCounters counters;
    private final StoreRetry retry;
    private final JournalledStoreWriter journalled;
    /** Logs the journal's failure and recovery once each, not per frame. */
    private final java.util.concurrent.atomic.AtomicBoolean journalFailing = new java.util.concurrent.atomic.AtomicBoolean();

    IngestMempoolDeltaService(WhaleDetector detector, MarketState market, RecentTransactions recent,
            PredictionRepository repository, SignalFanOut fanOut, OutcomeTracker tracker, Clock clock,
            PipelineCounters counters, StoreRetry retry) {
        this(detector, market, recent, repository, fanOut, tracker, clock, counters, retry, null, 0);
    }

    /** With a journal ({@code journalled} may be null) whose alert ids must not be reused. */
    IngestMempoolDeltaService(WhaleDetector detector, MarketState market, RecentTransactions recent,
            PredictionRepository repository, SignalFanOut fanOut, OutcomeTracker tracker, Clock clock,
            PipelineCounters counters, StoreRetry retry, JournalledStoreWriter journalled, long lastJournalledAlertId) {
        this.retry = retry;
        this.journalled = journalled;
        this.detector = detector;
        this.market = market;
        this.recent = recent;
        this.repository = repository;
        this.fanOut = fanOut;
        this.tracker = tracker;
        this.clock = clock;
        this.counters = counters;
        this.nextAlertId = new AtomicLong(Math.max(repository.lastAlertId(), lastJournalledAlertId) + 1);
    }

    @Override
    public List<Prediction> ingest(MempoolDelta delta) {
        long started = System.nanoTime();
        counters.transactions.add(delta.addedCount());
        List<Prediction> whales = new ArrayList<>();
        for (MempoolTransaction tx : delta.added()) {
            if (!recent.firstSighting(tx.txid().value())) {
                counters.duplicates.increment();
                continue;
            }
            detector.detect(tx, market, clock.instant())
                    .ifPresent(p -> whales.add(p.withAlertId(nextAlertId.getAndIncrement())));
        }
        if (whales.isEmpty()) {
            return List.of();
        }
        long detected = System.nanoTime();
        List<Prediction> stored = journalled != null ? journal(whales) : store(whales);
        long durable = System.nanoTime();
        boolean trace = LATENCY.isLoggable(System.Logger.Level.DEBUG);
        for (Prediction p : stored) {
            tracker.follow(p);
            fanOut.publish(p);
            if (!delta.receivedAt().equals(java.time.Instant.EPOCH)) {
                java.time.Instant published = clock.instant();
                counters.detectionLatency.record(java.time.Duration.between(delta.receivedAt(), published));
                if (trace) {
                    traceLatency(p, delta.receivedAt(), published);
                }
            }
        }
        recordStages(delta, started, detected, durable, System.nanoTime());
        counters.whales.add(stored.size());
        return stored;
    }

    private static void traceLatency(Prediction p, java.time.Instant received, java.time.Instant published) {
        LATENCY.log(System.Logger.Level.DEBUG, "whale {0} alert {1} frame received {2} published {3} (us since epoch)",
                p.txid().value(), Long.toString(p.alertId()), Long.toString(micros(received)), Long.toString(micros(published)));
    }

    private static long micros(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Where a whale frame's detection latency went (monotonic clock; the receipt is wall-clock time). */
    private void recordStages(MempoolDelta delta, long started, long detected, long durable, long published) {
        if (!delta.receivedAt().equals(java.time.Instant.EPOCH)) {
            counters.untilDetection.record(java.time.Duration.between(delta.receivedAt(), clock.instant())
                    .minusNanos(published - started));
        }
        counters.detection.recordNanos(detected - started);
        counters.durable.recordNanos(durable - detected);
        counters.publication.recordNanos(published - durable);
    }

    private List<Prediction> journal(List<Prediction> whales) {
        try {
            List<Prediction> accepted = journalled.accept(whales);
            if (journalFailing.compareAndSet(true, false)) {
                LOG.log(System.Logger.Level.INFO, "journal recovered; whales are journalled again");
            }
            return accepted;
        } catch (StoreException e) {
            if (journalFailing.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.ERROR, "journal append failed, storing whales synchronously: " + e.getMessage());
            }
            counters.storeFailures.increment();
            return store(whales);
        }
    }

    private List<Prediction> store(List<Prediction> whales) {
        try {
            return repository.saveAll(whales);
        } catch (StoreException e) {
            // alert from memory; alert ids stay monotonic and prediction ids stable, so the retry is idempotent
            counters.storeFailures.increment();
            retry.hold(whales, e);
            return whales;
        } catch (RuntimeException e) {
            // not stored => not alerted; forget them so a later announcement can retry
            whales.forEach(p -> recent.forget(p.txid().value()));
            counters.storeFailures.increment();
            throw e;
        }
    }
}
