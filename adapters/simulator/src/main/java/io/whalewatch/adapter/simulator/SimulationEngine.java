package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.BlockAssembler;
import io.whalewatch.adapter.simulator.chain.Projection;
import io.whalewatch.adapter.simulator.chain.SimBlock;
import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.chain.TrafficGenerator;
import io.whalewatch.adapter.simulator.server.TxIndex;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The simulation proper (engine thread only): per tick, arrivals, evictions and replacements
 * drawn from the tick's own random stream; every {@code ticksPerBlock} ticks a block. Nothing here
 * depends on wall-clock timing except the timestamps written into objects.
 */
final class SimulationEngine {
    private final SimulatorSettings settings;
    private final Clock clock;
    private final TrafficGenerator generator;
    private final Mempool mempool;
    private final Publisher publisher;
    private final TxIndex index;
    private final GroundTruth truth;
    private final Prices prices;
    private final AdminEvictions evictions;
    private long tick;
    private long injections;
    long blocksMined;

    SimulationEngine(SimulatorSettings settings, Clock clock, TrafficGenerator generator, Publisher publisher,
                     TxIndex index, GroundTruth truth) {
        this.settings = settings;
        this.clock = clock;
        this.generator = generator;
        this.publisher = publisher;
        this.index = index;
        this.truth = truth;
        this.mempool = new Mempool(generator, settings.rbfShare(), index, truth);
        this.prices = new Prices(settings.seed());
        this.evictions = new AdminEvictions(mempool, truth);
        history();
    }

    /** Eight empty historical blocks ending at SIM_START_HEIGHT, ten minutes apart. */
    private void history() {
        String prev = "0".repeat(64);
        long now = now();
        for (int k = 7; k >= 0; k--) {
            int height = settings.startHeight() - k;
            SimBlock b = BlockAssembler.historical(Rngs.of(settings.seed(), Rngs.HISTORY, height), height, prev,
                    now - 600L * (k + 1));
            publisher.history(b);
            prev = b.id();
        }
        publisher.refresh(Projection.of(List.of()), List.of(), now);
        publisher.unsolicited("conversions", prices.next(0, now));
    }

    void tick() {
        long i = ++tick;
        long now = now();
        RandomGenerator rng = Rngs.of(settings.seed(), Rngs.TICK, i);
        Delta d = mempool.advance(i, rng, generator.arrivals(rng, settings.tickSeconds()), now);
        if (!d.isEmpty()) {
            publisher.tick(d, mempool.transactions(), now);
            long seq = publisher.sequence();
            d.whales().forEach(p -> truth.whale(p.tx(), p.whale(), seq, publisher.lastTrackers()));
        }
        if (i % settings.ticksPerBlock() == 0) {
            mine(Rngs.of(settings.seed(), Rngs.BLOCK, i), List.of());
        }
        if (i % settings.ticksPerConversion() == Math.min(2, settings.ticksPerConversion() - 1)) {
            publisher.unsolicited("conversions", prices.next(i, now));
            publisher.unsolicited("loadingIndicators", "{\"mempool\":100}");
        }
    }

    /** Mines a block of the best pending transactions plus {@code extra} (evicted ones a miner kept). */
    SimBlock mine(RandomGenerator rng, List<Pending> extra) {
        List<Pending> chosen = new ArrayList<>(mempool.selectForBlock(settings.blockMaxTxs()));
        chosen.addAll(extra);
        List<SimTx> txs = new ArrayList<>(chosen.stream().map(Pending::tx).toList());
        Replacement conflict = rng.nextDouble() < settings.rbfShare()
                ? mempool.conflict(rng, chosen, now()) : null;
        if (conflict != null) {
            txs.add(conflict.by());
        }
        SimBlock tip = publisher.tip();
        SimBlock b = BlockAssembler.assemble(rng, tip.height() + 1, tip.id(), Math.max(now(), tip.timestamp() + 1), txs);
        mempool.mined(chosen);
        List<SimTx> all = new ArrayList<>(txs);
        all.add(b.coinbase());
        index.mined(all, b.confirmation());
        blocksMined++;
        publisher.block(b, conflict, mempool.transactions(), now());
        truth.block(b, publisher.sequence(), publisher.lastTrackers());
        chosen.stream().filter(p -> p.whale() != null).forEach(p -> truth.mined(p.tx().txid(), b));
        if (conflict != null && conflict.whale() != null) {
            truth.mined(conflict.by().txid(), b);
        }
        return b;
    }

    /** Mines a block outside the schedule (admin), including the named evicted transactions. */
    SimBlock mineNow(List<String> includeEvicted) {
        List<Pending> extra = evictions.take(includeEvicted);
        return mine(Rngs.of(settings.seed(), Rngs.BLOCK, -(++injections)), extra);
    }

    /** Evicts a pending transaction now (admin); false when it is not pending. */
    boolean evict(String txid) {
        Delta d = Delta.empty();
        if (!evictions.evict(txid, d)) {
            return false;
        }
        publisher.tick(d, mempool.transactions(), now());
        return true;
    }

    /** Announces {@code n} transactions in one frame, like a backend resync dump. Returns the frame size. */
    long giant(int n) {
        RandomGenerator rng = Rngs.of(settings.seed(), Rngs.GIANT, ++injections);
        Delta d = Delta.empty();
        long now = now();
        for (int k = 0; k < n; k++) {
            TrafficGenerator.Generated g = generator.next(rng, now, mempool.nextUid());
            mempool.announce(d, new Pending(g.tx(), g.whale(), 0));
        }
        publisher.tick(d, mempool.transactions(), now);
        long seq = publisher.sequence();
        d.whales().forEach(p -> truth.whale(p.tx(), p.whale(), seq, publisher.lastTrackers()));
        return publisher.lastFrame().length();
    }

    /** Announces one whale now; returns it as pending. */
    Pending whale(String flow, double btc) {
        RandomGenerator rng = Rngs.of(settings.seed(), Rngs.INJECT, ++injections);
        long now = now();
        TrafficGenerator.Generated g = generator.whale(rng, flow, btc, now, mempool.nextUid());
        Delta d = Delta.empty();
        Pending p = new Pending(g.tx(), g.whale(), 0);
        mempool.announce(d, p);
        publisher.tick(d, mempool.transactions(), now);
        truth.whale(g.tx(), g.whale(), publisher.sequence(), publisher.lastTrackers());
        return p;
    }

    long now() {
        return clock.millis() / 1000;
    }

    long tickCount() {
        return tick;
    }

    Mempool mempool() {
        return mempool;
    }
}
