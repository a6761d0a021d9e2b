package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.SourceStatus;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The mempool.space source: socket thread → bounded hand-off → one pipeline thread that parses
 * and calls the listener; REST for look-ups and for prevouts the stream lacks.
 *
 * <p>Bad input policy: a frame with malformed JSON is rejected whole. A known key whose value has
 * the wrong shape (e.g. {@code added} not an array) is dropped and the frame's other keys are
 * delivered; a dropped {@code mempool-transactions} then shows up as a sequence gap, so the
 * listener is asked to resync rather than silently missing a delta. A transaction with absurd
 * values (negative or non-integer amounts, more than 21 million BTC, a bad txid) is dropped from
 * {@code added}, and a malformed txid from {@code removed}/{@code mined}/{@code replaced}, while
 * the rest of the delta is delivered. Every frame with any such rejection counts once in
 * {@code framesRejected}; warnings are rate-limited.
 */
final class MempoolSpaceSource implements MempoolSource {
    private final MempoolSpaceSettings settings;
    private final Clock clock;
    private final SourceCounters counters;
    private final MempoolRestClient rest;
    private final TransactionLookup lookup;
    private final RateLimitedLog warnings =
            new RateLimitedLog(LoggerFactory.getLogger(MempoolSpaceSource.class), 10, TimeUnit.SECONDS);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile FramePipeline pipeline;
    private volatile PrevoutEnricher enricher;
    private volatile UpstreamConnector connector;

    MempoolSpaceSource(MempoolSpaceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.counters = new SourceCounters(settings.wsUrl().toString(), clock);
        this.rest = new MempoolRestClient(settings);
        this.lookup = new TransactionLookup(rest, clock);
    }

    @Override
    public void start(MempoolListener listener, Satoshis candidateMinimum) {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(candidateMinimum, "candidateMinimum");
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("a mempool source is started once, before close()");
        }
        FrameParser parser = new FrameParser(clock, candidateMinimum.value());
        PipelineRef ref = new PipelineRef();
        enricher = new PrevoutEnricher(rest, clock, settings.enrichConcurrency(), ref::submit, warnings);
        FrameDispatcher dispatcher = new FrameDispatcher(listener, parser, counters, enricher::enrich, warnings);
        pipeline = new FramePipeline(settings.queueFrames(), settings.queueBytes(), dispatcher);
        ref.pipeline = pipeline;
        connector = new UpstreamConnector(settings, pipeline, counters);
        pipeline.start();
        connector.start();
    }

    /** Breaks the enricher ↔ pipeline construction cycle. */
    private static final class PipelineRef {
        volatile FramePipeline pipeline;

        void submit(PipelineItem item) {
            pipeline.submit(item);
        }
    }

    @Override
    public SourceStatus status() {
        return counters.snapshot();
    }

    @Override
    public TransactionStatus lookUp(TxId txid) {
        Objects.requireNonNull(txid, "txid");
        return lookup.lookUp(txid);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (connector != null) {
            connector.close();
        }
        if (enricher != null) {
            enricher.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        rest.close();
    }
}
