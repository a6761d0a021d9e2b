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
 * @param receivedAt when the frame carrying it arrived from the upstream (for detection latency)
 */
public record MempoolDelta(
        long sequence,
        List<MempoolTransaction> added,
        int addedCount,
        List<TxId> removed,
        List<TxId> mined,
        List<Replacement> replaced,
        java.time.Instant receivedAt) {

    /** A delta whose arrival time is not known (tests, replays). */
    public MempoolDelta(long sequence, List<MempoolTransaction> added, int addedCount, List<TxId> removed,
            List<TxId> mined, List<Replacement> replaced) {
        this(sequence, added, addedCount, removed, mined, replaced, java.time.Instant.EPOCH);
    }

    public MempoolDelta {
        java.util.Objects.requireNonNull(receivedAt, "receivedAt");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        mined = List.copyOf(mined);
        replaced = List.copyOf(replaced);
        if (addedCount < added.size()) {
            throw new IllegalArgumentException("addedCount " + addedCount + " < candidates " + added.size());
        }
    }
}
