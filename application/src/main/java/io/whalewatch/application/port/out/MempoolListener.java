package io.whalewatch.application.port.out;

import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.util.List;

/**
 * Receives what a {@link MempoolSource} learns, in upstream order.
 *
 * <p>Threading contract: a source calls these methods one at a time, never concurrently, each call
 * seeing the effects of the previous ones (happens-before), so implementations need no locks. The
 * calls usually come from the source's pipeline thread; a source may make them on its socket thread
 * instead while its pipeline is idle (saving a thread hand-off), so implementations must not rely on
 * the identity of the calling thread. A frame carrying several keys is
 * delivered key by key; a {@code block} is delivered before the delta that lists its mined
 * txids, so the tip height is current when the mined txids arrive. Implementations must not
 * throw for bad data: the source validates shapes before calling.
 */
public interface MempoolListener {
    /** A change of the mempool (added candidates, removed, mined, replaced). */
    void onDelta(MempoolDelta delta);

    /** A new chain tip (also the initial tip after subscribing). */
    void onBlock(Block block);

    /** New recommended fees. */
    void onRecommendedFees(RecommendedFees fees);

    /** New projected mempool blocks. */
    void onProjectedBlocks(List<ProjectedBlock> blocks);

    /** A new BTC price in USD (mempool.space {@code conversions}). */
    void onPrice(double usdPerBtc);

    /**
     * The source may have missed events (a sequence gap, an upstream restart or a reconnect):
     * the listener should re-check what it tracks, e.g. through {@link MempoolSource#lookUp}.
     */
    void onResyncNeeded(ResyncReason reason);

    /** Why a resync is needed. */
    enum ResyncReason { SEQUENCE_GAP, UPSTREAM_RESTART, RECONNECT }
}
