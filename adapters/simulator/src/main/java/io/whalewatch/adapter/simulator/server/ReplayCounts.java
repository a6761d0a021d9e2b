package io.whalewatch.adapter.simulator.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * How replayed frames went out: written as ready-made frames to the connection (the fast path) or
 * handed to Tyrus' {@code sendText} (a session without a captured Writer, or a line that is not
 * valid UTF-8). Tests assert the fast path, so a silent fallback shows.
 */
public final class ReplayCounts {
    private final LongAdder preFramed = new LongAdder();
    private final LongAdder viaTyrus = new LongAdder();

    /** Frames (one per client it went to) written pre-framed to the connection. */
    public long preFramed() {
        return preFramed.sum();
    }

    /** Frames (one per client) sent through Tyrus' sendText instead. */
    public long viaTyrus() {
        return viaTyrus.sum();
    }

    void wrotePreFramed() {
        preFramed.increment();
    }

    void sentViaTyrus() {
        viaTyrus.increment();
    }

    @Override
    public String toString() {
        return preFramed() + " pre-framed, " + viaTyrus() + " via sendText";
    }
}
