package io.whalewatch.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of a {@link MempoolSource}.
 *
 * @param lastFrameAt     when the last frame arrived, if any
 * @param framesRejected  malformed, wrong-shape or absurd frames that were skipped
 * @param gapsDetected    sequence gaps and upstream restarts seen
 */
public record SourceStatus(
        boolean connected,
        String upstream,
        Optional<Instant> lastFrameAt,
        long framesReceived,
        long framesRejected,
        long transactionsSeen,
        long gapsDetected,
        long reconnects) {

    public static SourceStatus notStarted(String upstream) {
        return new SourceStatus(false, upstream, Optional.empty(), 0, 0, 0, 0, 0);
    }
}
