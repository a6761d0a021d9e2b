package io.whalewatch.adapter.simulator.server;

/**
 * The latest serialized market view, published by the engine after each tick and read by
 * WebSocket replies and REST without locks. All JSON values are compact.
 */
public record Snapshot(String blocks, String mempoolBlocks, String mempoolInfo, String vBytesPerSecond,
                       String transactions, String da, String fees, String feesRounded, String conversions,
                       String loadingIndicators, String backend, int tipHeight, String tipHash) {
}
