package io.whalewatch.adapter.simulator.chain;

/** Where a transaction was mined: esplora's status block_height, block_hash, block_time. */
public record Confirmation(int height, String hash, long time) {
}
