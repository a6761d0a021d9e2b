package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.chain.Whale;

/** An announced transaction; {@code whale} null for ordinary ones, {@code dropAtTick} &gt; 0 marks one to be evicted. */
record Pending(SimTx tx, Whale whale, long dropAtTick) {
}
