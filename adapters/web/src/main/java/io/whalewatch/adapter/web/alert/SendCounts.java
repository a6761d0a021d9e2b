package io.whalewatch.adapter.web.alert;

import java.util.concurrent.atomic.LongAdder;

/**
 * How messages left the hub: as pre-encoded frames written straight to the connection (the fast
 * path) or through Tyrus' {@code sendText} (sessions the fast path cannot serve). Tests read it
 * to notice the fast path silently going unused.
 */
public final class SendCounts {
    private final LongAdder preEncoded = new LongAdder();
    private final LongAdder viaTyrus = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder writesByPublisher = new LongAdder();

    /** Messages written as pre-encoded frames. */
    public long preEncoded() {
        return preEncoded.sum();
    }

    /** Messages sent with Tyrus' sendText. */
    public long viaTyrus() {
        return viaTyrus.sum();
    }

    /** Connection writes of pre-encoded frames (one write may carry several queued messages). */
    public long writes() {
        return writes.sum();
    }

    /** Of {@link #writes()}, those the publishing thread made itself (see {@code Outbox.offerWritingFirst}). */
    public long writesByPublisher() {
        return writesByPublisher.sum();
    }

    void wroteOnPublisher() {
        writesByPublisher.increment();
    }

    void wrote(int messages) {
        preEncoded.add(messages);
        writes.increment();
    }

    void sentViaTyrus() {
        viaTyrus.increment();
    }
}
