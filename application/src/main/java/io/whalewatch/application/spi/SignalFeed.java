package io.whalewatch.application.spi;

import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.SignalPublisher;

/**
 * Alerts produced elsewhere (e.g. by a detector publishing to a Redis stream), replayed into local
 * publishers. An edge node serves WebSocket clients from a feed without running the detector.
 *
 * <p>Lifecycle: {@link #start} delivers every alert and update after {@code afterAlertId} to the
 * sink, in alert order, on one thread, and keeps following the feed until {@link #close}.
 * Reconnects by itself; never throws from the delivery thread.
 */
public interface SignalFeed extends AutoCloseable {
    void start(SignalPublisher sink, long afterAlertId);

    /**
     * The newest alert id the feed holds (0 when it is empty or unreachable): an edge node starts
     * following from here, so that it does not replay the whole history to its publishers;
     * clients catch up through {@link #history()}.
     */
    default long latestAlertId() {
        return 0L;
    }

    /** History of the feed, so that clients can resume ({@code resume_from}) from the feed alone. */
    ListPredictionsUseCase history();

    /** For /health on the edge node. */
    io.whalewatch.application.port.out.ComponentHealth health();

    @Override
    void close();
}
