package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.application.port.out.MempoolListener.ResyncReason;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Turns pipeline items into listener calls, on the pipeline thread. Within a frame the tip
 * comes first, then fees, projected blocks and price, then the delta, so mined txids see the
 * new tip. Candidates whose prevouts are missing are handed to the enricher instead of being
 * delivered now; they come back later as a delta of their own (same sequence, not tracked).
 */
final class FrameDispatcher {
    private final MempoolListener listener;
    private final FrameParser parser;
    private final SourceCounters counters;
    private final BiConsumer<Long, MempoolTransaction> enricher;
    private final RateLimitedLog warnings;
    private final SequenceTracker sequence = new SequenceTracker();

    FrameDispatcher(MempoolListener listener, FrameParser parser, SourceCounters counters,
                    BiConsumer<Long, MempoolTransaction> enricher, RateLimitedLog warnings) {
        this.listener = listener;
        this.parser = parser;
        this.counters = counters;
        this.enricher = enricher;
        this.warnings = warnings;
    }

    void handle(PipelineItem item) {
        if (item instanceof PipelineItem.Frame f) {
            onFrame(f.bytes(), f.receivedAt());
        } else if (item instanceof PipelineItem.Connected c) {
            sequence.reset();
            if (c.reconnect()) {
                listener.onResyncNeeded(ResyncReason.RECONNECT);
            }
        } else if (item instanceof PipelineItem.Enriched e) {
            listener.onDelta(new MempoolDelta(e.sequence(), List.of(e.transaction()), 1, List.of(), List.of(), List.of()));
        }
    }

    private void onFrame(byte[] bytes, java.time.Instant receivedAt) {
        ParsedFrame frame;
        try {
            frame = parser.parse(bytes);
        } catch (IOException | BadShapeException e) {
            counters.frameRejected();
            warnings.warn("malformed", "rejected a malformed frame (" + bytes.length + " bytes): " + e.getMessage());
            return;
        }
        if (frame.hasProblems()) {
            counters.frameRejected();
            warnings.warn("partial", "skipped bad parts of a frame: " + frame.problemSummary());
        }
        deliver(frame, receivedAt);
    }

    private void deliver(ParsedFrame frame, java.time.Instant receivedAt) {
        if (frame.tip != null) {
            listener.onBlock(frame.tip);
        }
        if (frame.fees != null) {
            listener.onRecommendedFees(frame.fees);
        }
        if (frame.projectedBlocks != null) {
            listener.onProjectedBlocks(frame.projectedBlocks);
        }
        if (frame.usdPrice != null) {
            listener.onPrice(frame.usdPrice);
        }
        if (frame.delta != null) {
            deliver(frame.delta, receivedAt);
        }
    }

    private void deliver(ParsedFrame.Delta d, java.time.Instant receivedAt) {
        counters.transactionsSeen(d.addedCount);
        sequence.observe(d.sequence).ifPresent(reason -> {
            counters.gapDetected();
            warnings.warn("sequence", "mempool sequence " + d.sequence + ": " + reason + ", asking for a resync");
            listener.onResyncNeeded(reason);
        });
        int deferred = d.missingPrevouts.size();
        listener.onDelta(new MempoolDelta(d.sequence, d.candidates, d.addedCount - deferred,
                d.removed, d.mined, d.replaced, receivedAt));
        for (MempoolTransaction tx : d.missingPrevouts) {
            enricher.accept(d.sequence, tx);
        }
    }
}
