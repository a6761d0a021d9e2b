package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.SimTx;
import java.util.ArrayList;
import java.util.List;

/** What one mempool update changed; {@code whales} lists new whales for the ground truth. */
record Delta(List<SimTx> added, List<String> removed, List<Replacement> replaced, List<Pending> whales) {
    static Delta empty() {
        return new Delta(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && replaced.isEmpty();
    }
}
