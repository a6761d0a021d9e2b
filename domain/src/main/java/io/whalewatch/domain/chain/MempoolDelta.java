package io.whalewatch.domain.chain;

import java.util.List;

/**
 * One change of the mempool as the upstream reports it (mempool.space's
 * {@code mempool-transactions}).
 *
 * @param sequence   the upstream's update counter
 * @param added      the added transactions that could be whales; the source materialises only
 *                   candidates, others are only counted
 * @param addedCount how many transactions were added in total (candidates or not)
 * @param removed    txids that left the mempool other than by being mined
 * @param mined      txids confirmed by the block reported with this delta
 * @param replaced   RBF replacements
 */
public record MempoolDelta(
        long sequence,
        List<MempoolTransaction> added,
        int addedCount,
        List<TxId> removed,
        List<TxId> mined,
        List<Replacement> replaced) {

    public MempoolDelta {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        mined = List.copyOf(mined);
        replaced = List.copyOf(replaced);
        if (addedCount < added.size()) {
            throw new IllegalArgumentException("addedCount " + addedCount + " < candidates " + added.size());
        }
    }
}
