package io.whalewatch.adapter.simulator.server;

/**
 * Server-side WebSocket limits, as mempool's backend enforces them.
 *
 * @param maxMessageBytes  inbound message limit (close 1009 above it); real server: 50,000
 * @param maxMessages      inbound messages allowed per {@code windowMillis}; real server: 100 per 10 s
 * @param windowMillis     sliding window of the rate limit
 * @param maxBacklogBytes  outbound bytes queued for one client before it is cut off; real: 10,000,000
 */
public record Limits(int maxMessageBytes, int maxMessages, long windowMillis, long maxBacklogBytes) {
}
