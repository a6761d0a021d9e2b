package io.whalewatch.adapter.mempoolspace;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The keepalive rule of the official client: after {@code pingAfter} of silence send an
 * app-level ping; if still nothing arrives within {@code pongTimeout}, the connection is dead.
 * Time spent with the reader blocked on a full pipeline counts as activity: then the upstream
 * is fine and we are the slow side. Thread-safe.
 */
final class Liveness {
    enum Verdict { ALIVE, PING, DEAD }

    private final long pingAfterNanos;
    private final long pongTimeoutNanos;
    private final AtomicInteger blockedReaders = new AtomicInteger();
    private volatile long lastActivity;
    private volatile long pingSentAt;
    private volatile boolean pinged;

    Liveness(Duration pingAfter, Duration pongTimeout) {
        this.pingAfterNanos = pingAfter.toNanos();
        this.pongTimeoutNanos = pongTimeout.toNanos();
    }

    void activity(long now) {
        lastActivity = now;
        pinged = false;
    }

    void readerBlocked(boolean blocked) {
        if (blocked) {
            blockedReaders.incrementAndGet();
        } else {
            blockedReaders.decrementAndGet();
        }
    }

    synchronized Verdict check(long now) {
        if (blockedReaders.get() > 0) {
            activity(now);
            return Verdict.ALIVE;
        }
        if (!pinged) {
            if (now - lastActivity >= pingAfterNanos) {
                pinged = true;
                pingSentAt = now;
                return Verdict.PING;
            }
            return Verdict.ALIVE;
        }
        return now - pingSentAt >= pongTimeoutNanos ? Verdict.DEAD : Verdict.ALIVE;
    }
}
