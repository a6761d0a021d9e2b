package io.whalewatch.application.port.in;

import io.whalewatch.application.port.out.SourceStatus;

/** The mempool source's connection state and counters (frames, rejects, gaps, reconnects), for /metrics and the API. */
@FunctionalInterface
public interface GetSourceStatusUseCase {
    /** A cheap, thread-safe snapshot. */
    SourceStatus status();
}
