package io.whalewatch.adapter.simulator.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault switches read by the server and the engine: stall (send nothing, ignore messages),
 * frozen sequence (out-of-sync mode) and failing REST answers.
 */
public final class Faults {
    private volatile long stallUntilNanos = System.nanoTime();
    private volatile long frozenUntilNanos = System.nanoTime();
    private final AtomicInteger restErrors = new AtomicInteger();
    private volatile int restErrorStatus = 500;

    public void stall(Duration d) {
        stallUntilNanos = System.nanoTime() + d.toNanos();
    }

    public boolean stalled() {
        return System.nanoTime() - stallUntilNanos < 0;
    }

    public void freezeSequence(Duration d) {
        frozenUntilNanos = System.nanoTime() + d.toNanos();
    }

    public boolean sequenceFrozen() {
        return System.nanoTime() - frozenUntilNanos < 0;
    }

    /** The next {@code count} REST requests under /api answer {@code status}. */
    public void failRest(int status, int count) {
        restErrorStatus = status;
        restErrors.set(count);
    }

    /** The status to fail this request with, or 0 to answer normally. */
    public int takeRestError() {
        return restErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? restErrorStatus : 0;
    }

    public int restErrorsRemaining() {
        return restErrors.get();
    }

    /** Clears every switch (used on close). */
    public void clear() {
        stallUntilNanos = System.nanoTime();
        frozenUntilNanos = System.nanoTime();
        restErrors.set(0);
    }
}
