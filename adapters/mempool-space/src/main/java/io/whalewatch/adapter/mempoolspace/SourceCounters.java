package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link SourceStatus}; written by several threads, read cheaply. */
final class SourceCounters {
    private final String upstream;
    private final Clock clock;
    private volatile boolean connected;
    private volatile Instant lastFrameAt;
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong framesRejected = new AtomicLong();
    private final AtomicLong transactionsSeen = new AtomicLong();
    private final AtomicLong gapsDetected = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    SourceCounters(String upstream, Clock clock) {
        this.upstream = upstream;
        this.clock = clock;
    }

    void connected(boolean value) {
        connected = value;
    }

    void frameReceived() {
        lastFrameAt = clock.instant();
        framesReceived.incrementAndGet();
    }

    void frameRejected() {
        framesRejected.incrementAndGet();
    }

    void transactionsSeen(long n) {
        transactionsSeen.addAndGet(n);
    }

    void gapDetected() {
        gapsDetected.incrementAndGet();
    }

    void reconnected() {
        reconnects.incrementAndGet();
    }

    SourceStatus snapshot() {
        return new SourceStatus(connected, upstream, Optional.ofNullable(lastFrameAt),
                framesReceived.get(), framesRejected.get(), transactionsSeen.get(),
                gapsDetected.get(), reconnects.get());
    }
}
