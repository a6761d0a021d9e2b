package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.chain.TrafficGenerator;
import io.whalewatch.adapter.simulator.chain.TxBuilder;
import io.whalewatch.adapter.simulator.server.TxIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The simulated mempool (engine thread only): announced transactions, pending evictions and
 * replacements. Each tick yields a {@link Delta} of what was added, removed and replaced.
 */
final class Mempool {
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<Replacement> deferred = new ArrayList<>();
    private final List<String> lateRemovals = new ArrayList<>();
    private final TrafficGenerator generator;
    private final double rbfShare;
    private final TxIndex index;
    private final GroundTruth truth;
    private int uid = 100_000;
    long announced;
    long whales;
    long replacements;
    long drops;

    Mempool(TrafficGenerator generator, double rbfShare, TxIndex index, GroundTruth truth) {
        this.generator = generator;
        this.rbfShare = rbfShare;
        this.index = index;
        this.truth = truth;
    }

    Delta advance(long tick, RandomGenerator rng, int arrivals, long now) {
        Delta d = Delta.empty();
        for (Replacement r : deferred) {
            announce(d, new Pending(r.by(), r.whale(), 0));
            d.replaced().add(r);
        }
        deferred.clear();
        d.removed().addAll(lateRemovals);
        lateRemovals.clear();
        evict(tick, d);
        List<String> before = new ArrayList<>(pending.keySet());
        for (int i = 0; i < arrivals; i++) {
            TrafficGenerator.Generated g = generator.next(rng, now, uid++);
            announce(d, new Pending(g.tx(), g.whale(), g.doomed() ? tick + 2 + rng.nextInt(5) : 0));
            if (rng.nextDouble() < rbfShare) {
                replaceOne(rng, before, d, now);
            }
        }
        return d;
    }

    /** Adds an externally generated transaction (whale injection, giant frames). */
    void announce(Delta d, Pending p) {
        pending.put(p.tx().txid(), p);
        index.pending(p.tx());
        d.added().add(p.tx());
        announced++;
        if (p.whale() != null) {
            whales++;
            d.whales().add(p);
        }
    }

    private void evict(long tick, Delta d) {
        List<Pending> due = pending.values().stream().filter(p -> p.dropAtTick() > 0 && p.dropAtTick() <= tick).toList();
        for (Pending p : due) {
            remove(p.tx().txid(), d);
            drops++;
            truth.dropped(p.tx().txid(), p.whale() != null);
        }
    }

    /** Replaces an earlier transaction: usually in this tick, sometimes announced next tick. */
    private void replaceOne(RandomGenerator rng, List<String> candidates, Delta d, long now) {
        int pick = candidates.isEmpty() ? -1 : rng.nextInt(candidates.size());
        Pending victim = pick < 0 ? null : pending.get(candidates.get(pick));
        if (victim == null || victim.dropAtTick() > 0) {
            return;
        }
        candidates.remove(pick);
        SimTx by = TxBuilder.replace(rng, victim.tx(), victim.tx().feePerVsize() * (1.2 + rng.nextDouble()), now, uid++);
        remove(victim.tx().txid(), d);
        replacements++;
        truth.replaced(victim.tx().txid(), by.txid(), victim.whale() != null);
        index.replaced(victim.tx().txid(), by.txid());
        Replacement r = new Replacement(victim.tx().txid(), by, victim.whale());
        if (rng.nextInt(10) < 7) {
            announce(d, new Pending(by, victim.whale(), 0));
            d.replaced().add(r);
        } else {
            deferred.add(r);
        }
    }

    /**
     * A block double-spends one pending transaction (not among {@code chosen}) with a replacement
     * nobody saw announced; the loser is reported in the next tick's {@code removed}, as the real
     * server does for conflicts. Returns null when there is no candidate.
     */
    Replacement conflict(RandomGenerator rng, List<Pending> chosen, long now) {
        java.util.Set<String> mined = new java.util.HashSet<>();
        chosen.forEach(p -> mined.add(p.tx().txid()));
        List<Pending> candidates = pending.values().stream()
                .filter(p -> p.dropAtTick() == 0 && !mined.contains(p.tx().txid())).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        Pending victim = candidates.get(rng.nextInt(candidates.size()));
        SimTx by = TxBuilder.replace(rng, victim.tx(), victim.tx().feePerVsize() * 2, now, uid++);
        pending.remove(victim.tx().txid());
        index.forget(victim.tx().txid());
        lateRemovals.add(victim.tx().txid());
        replacements++;
        truth.replaced(victim.tx().txid(), by.txid(), victim.whale() != null);
        index.replaced(victim.tx().txid(), by.txid());
        return new Replacement(victim.tx().txid(), by, victim.whale());
    }

    /** Removes a pending transaction now, announced in {@code removed} (admin eviction); null when not pending. */
    Pending evictNow(String txid, Delta d) {
        Pending p = pending.get(txid);
        if (p != null) {
            remove(txid, d);
            drops++;
        }
        return p;
    }

    private void remove(String txid, Delta d) {
        pending.remove(txid);
        index.forget(txid);
        d.removed().add(txid);
    }

    /** The highest-fee announced transactions that fit a block; evictions-to-be never get mined. */
    List<Pending> selectForBlock(int maxTxs) {
        return BlockTemplate.select(pending.values(), maxTxs);
    }

    void mined(Collection<Pending> txs) {
        txs.forEach(p -> pending.remove(p.tx().txid()));
    }

    Collection<SimTx> transactions() {
        return pending.values().stream().map(Pending::tx).toList();
    }

    int size() {
        return pending.size();
    }

    int nextUid() {
        return uid++;
    }
}
