package io.whalewatch.application.service;

import io.whalewatch.application.port.in.IngestMempoolDeltaUseCase;
import io.whalewatch.application.port.out.MempoolListener;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The application's side of the source contract: routes each event to its use case. A failing
 * use case (e.g. the store is down) is logged and counted; the stream goes on.
 */
final class MempoolEventRouter implements MempoolListener {
    private static final System.Logger LOG = System.getLogger(MempoolEventRouter.class.getName());
    private final IngestMempoolDeltaUseCase ingest;
    private final TrackOutcomesService outcomes;
    private final MarketState market;
    private final PipelineInbox inbox;
    private final ResyncService resync;
    private final LongAdder resyncs;
    private boolean subscribed;

    MempoolEventRouter(IngestMempoolDeltaUseCase ingest, TrackOutcomesService outcomes, MarketState market,
            PipelineInbox inbox, ResyncService resync, LongAdder resyncs) {
        this.resyncs = resyncs;
        this.ingest = ingest;
        this.outcomes = outcomes;
        this.market = market;
        this.inbox = inbox;
        this.resync = resync;
    }

    @Override
    public void onDelta(MempoolDelta delta) {
        drainInbox();
        try {
            ingest.ingest(delta);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "whales of delta " + delta.sequence() + " could not be stored: " + e.getMessage(), e);
        }
        try {
            outcomes.track(delta);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "outcomes of delta " + delta.sequence() + " could not be stored: " + e.getMessage(), e);
        }
    }

    @Override
    public void onBlock(Block block) {
        drainInbox();
        market.tipHeight(block.height());
    }

    @Override
    public void onRecommendedFees(RecommendedFees fees) {
        market.feeMarket(market.feeMarket().withRecommended(fees));
    }

    @Override
    public void onProjectedBlocks(List<ProjectedBlock> blocks) {
        market.feeMarket(market.feeMarket().withProjectedBlocks(blocks));
    }

    @Override
    public void onPrice(double usdPerBtc) {
        market.usdPerBtc(usdPerBtc);
    }

    @Override
    public void onResyncNeeded(ResyncReason reason) {
        resyncs.increment();
        LOG.log(System.Logger.Level.INFO, "upstream resync needed ({0}); re-checking {1} tracked whales", reason, outcomes.trackedCount());
        resync.request(outcomes.tracked());
    }

    /** Applies REST look-up results and timer work posted from other threads. */
    private void drainInbox() {
        if (!subscribed) {
            // The start-up re-check ran before the subscription existed; a block mined in between
            // would go unnoticed until the next gap. The first event proves the stream is live: check again.
            subscribed = true;
            resync.request(outcomes.tracked());
        }
        try {
            inbox.drain();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "applying resync results failed: " + e.getMessage(), e);
        }
    }
}
