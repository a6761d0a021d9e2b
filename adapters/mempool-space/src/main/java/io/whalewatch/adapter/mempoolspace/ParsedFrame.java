package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Replacement;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.fee.ProjectedBlock;
import io.whalewatch.domain.fee.RecommendedFees;
import java.util.ArrayList;
import java.util.List;

/**
 * What one frame said, collected completely before anything is delivered, so that a frame that
 * turns out to be malformed half-way is rejected whole. Null fields were absent (or dropped).
 */
final class ParsedFrame {
    private static final int KEPT_PROBLEMS = 5;

    Block tip;
    RecommendedFees fees;
    List<ProjectedBlock> projectedBlocks;
    Double usdPrice;
    Delta delta;
    private int problemCount;
    private final List<String> problems = new ArrayList<>();

    /** The parts of one {@code mempool-transactions} value. */
    static final class Delta {
        long sequence = -1;
        int addedCount;
        final List<MempoolTransaction> candidates = new ArrayList<>();
        final List<MempoolTransaction> missingPrevouts = new ArrayList<>();
        final List<TxId> removed = new ArrayList<>();
        final List<TxId> mined = new ArrayList<>();
        final List<Replacement> replaced = new ArrayList<>();
    }

    void problem(String description) {
        problemCount++;
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(description);
        }
    }

    boolean hasProblems() {
        return problemCount > 0;
    }

    /** A short description for the log: the first few problems and how many there were. */
    String problemSummary() {
        return problemCount + " problem(s): " + String.join("; ", problems);
    }
}
