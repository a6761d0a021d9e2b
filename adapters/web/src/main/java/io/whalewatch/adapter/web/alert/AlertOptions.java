package io.whalewatch.adapter.web.alert;

import java.time.Duration;

/**
 * Protocol limits of the alert WebSocket.
 *
 * @param authTimeout          how long a connection may stay unauthenticated
 * @param maxMessagesPerSecond client messages per second before the connection is closed (1008)
 * @param sendQueueMax         messages waiting for one client before it is dropped as a slow consumer
 * @param maxMessageBytes      largest client message; larger ones close the connection (1009)
 * @param replayPageSize       alerts read from the store per page when resuming
 * @param serverVersion        shown in the welcome message
 */
public record AlertOptions(Duration authTimeout, int maxMessagesPerSecond, int sendQueueMax, int maxMessageBytes,
                           int replayPageSize, String serverVersion) {
    public AlertOptions {
        if (authTimeout.isNegative() || authTimeout.isZero()) {
            throw new IllegalArgumentException("auth timeout must be positive");
        }
        if (maxMessagesPerSecond < 1 || sendQueueMax < 2 || maxMessageBytes < 1 || replayPageSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
