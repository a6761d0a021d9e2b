package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.Projection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Chooses a block's transactions: highest fee rate first, up to the weight limit or a count. */
final class BlockTemplate {
    /** 4 MWU minus room for the header and the coinbase. */
    private static final long BLOCK_WEIGHT = 4_000_000 - 4_000;

    private BlockTemplate() {
    }

    /** Transactions marked for eviction are never mined. */
    static List<Pending> select(Collection<Pending> pending, int maxTxs) {
        List<Pending> candidates = new ArrayList<>(pending.stream().filter(p -> p.dropAtTick() == 0).toList());
        candidates.sort((a, b) -> Projection.BY_RATE.compare(a.tx(), b.tx()));
        List<Pending> chosen = new ArrayList<>();
        long weight = 0;
        for (Pending p : candidates) {
            if ((maxTxs > 0 && chosen.size() >= maxTxs) || weight + p.tx().weight() > BLOCK_WEIGHT) {
                break;
            }
            chosen.add(p);
            weight += p.tx().weight();
        }
        return chosen;
    }
}
