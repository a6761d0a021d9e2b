package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.SimTx;
import io.whalewatch.adapter.simulator.chain.Whale;

/** An RBF replacement: the old txid, the new transaction and the whale it carries (if any). */
record Replacement(String old, SimTx by, Whale whale) {
}
