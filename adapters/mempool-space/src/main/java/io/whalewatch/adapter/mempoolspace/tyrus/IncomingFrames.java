package io.whalewatch.adapter.mempoolspace.tyrus;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Follows the WebSocket frames (RFC 6455, section 5.2) in the byte stream a server sends, on its way
 * to Tyrus, and changes these things without changing the stream's bytes otherwise:
 * <ul>
 *   <li>each text frame's opcode (1) becomes binary (2), in place, so Tyrus hands the message over
 *       as bytes instead of decoding it; continuation frames (0) and control frames (close, ping,
 *       pong) are left alone, so a fragmented text message becomes a fragmented binary one;</li>
 *   <li>a large frame that has only begun to arrive is collected here, in one buffer of its exact
 *       size, and passed on once complete. Tyrus keeps a partial frame in a buffer that it grows to
 *       just the size needed on every read, so an 11 MB resync frame read in pieces becomes a
 *       series of ever larger allocations and copies. Measured: the socket thread's CPU did not
 *       change, the burst's peak RSS fell (480-498 to 454-471 MB, BENCHMARKS.md run F), which is
 *       why it is kept. Frames larger than the connection's limit are passed on as they
 *       come, so Tyrus refuses them as before and the connection ends (the source reconnects).</li>
 *   <li>when a {@link WholeTextFrames} sink is given, such a large frame that is a complete text
 *       message (FIN set, no extension bits, not masked, payload within the sink's maximum) is
 *       collected as its payload only and handed to the sink instead of Tyrus, which never sees it;
 *       the bytes before it reach Tyrus before the sink gets the frame, the bytes after it after.</li>
 * </ul>
 * Frame headers may be split across reads at any byte. One instance per connection, called by one
 * thread at a time (the connection's reader).
 */
final class IncomingFrames {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    /** Frames from this size on are collected here when they arrive in pieces. */
    static final int COLLECT_FROM = 64 * 1024;
    private final long limit;
    /** The longest header: 2 bytes, an 8-byte length and a 4-byte masking key. */
    private final byte[] header = new byte[14];
    private int headerHave;
    private int headerNeed;
    /** Whether the current header began in the buffer being read (only then can its frame be collected). */
    private boolean headerStartedHere;
    private long payloadLeft;
    private ByteBuffer collecting;
    /** A whole text frame's payload being collected for {@link #direct}, and how much of it has arrived. */
    private byte[] payload;
    private int payloadFill;
    /** Whether the frame whose header is being read was sent as text (before the rewriting). */
    private boolean textHeader;
    private final LongAdder textFrames;
    private final WholeTextFrames direct;

    /**
     * @param limit      the largest frame (header included) to collect; larger ones pass through
     * @param textFrames counts the text frames marked binary, before their bytes are passed on (so
     *                   whoever sees the message also sees it counted)
     */
    IncomingFrames(long limit, LongAdder textFrames) {
        this(limit, textFrames, null);
    }

    /**
     * @param direct where large whole text frames go instead of Tyrus; null: every frame goes to Tyrus
     */
    IncomingFrames(long limit, LongAdder textFrames, WholeTextFrames direct) {
        this.limit = limit;
        this.textFrames = textFrames;
        this.direct = direct;
    }

    /**
     * Takes the next bytes read from the connection and passes them on to {@code next}, in order,
     * possibly later and in other pieces.
     */
    void accept(ByteBuffer data, Consumer<ByteBuffer> next) {
        if (payload != null) {
            int n = Math.min(payload.length - payloadFill, data.remaining());
            data.get(data.position(), payload, payloadFill, n);
            payloadFill += n;
            data.position(data.position() + n);
            if (payloadFill < payload.length) {
                return;
            }
            byte[] whole = payload;
            payload = null;
            direct.sink().accept(whole);
        }
        if (collecting != null) {
            int n = Math.min(collecting.remaining(), data.remaining());
            collecting.put(collecting.position(), data, data.position(), n);
            collecting.position(collecting.position() + n);
            data.position(data.position() + n);
            if (collecting.hasRemaining()) {
                return;
            }
            ByteBuffer whole = collecting.flip();
            collecting = null;
            next.accept(whole);
        }
        int start = data.position();
        int at = start;
        int end = data.limit();
        int frameStart = start;
        while (at < end) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, end - at);
                at += skip;
                payloadLeft -= skip;
                continue;
            }
            byte b = data.get(at);
            if (headerHave == 0) {
                frameStart = at;
                headerStartedHere = true;
                textHeader = (b & 0x0F) == TEXT;
                if (textHeader) {
                    b = (byte) ((b & 0xF0) | BINARY);
                    data.put(at, b);
                    textFrames.increment();
                }
            }
            header[headerHave++] = b;
            at++;
            if (headerHave == 2) {
                int len7 = header[1] & 0x7F;
                headerNeed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
            }
            if (headerHave >= 2 && headerHave == headerNeed) {
                payloadLeft = payloadLength();
                headerHave = 0;
                long size = headerNeed + payloadLeft;
                if (headerStartedHere && payloadLeft > end - at && size >= COLLECT_FROM && size <= limit) {
                    if (frameStart > start) {
                        next.accept(data.duplicate().position(start).limit(frameStart));
                    }
                    if (isWholeTextMessage()) {
                        payload = new byte[(int) payloadLeft];
                        payloadFill = end - at;
                        data.get(at, payload, 0, payloadFill);
                        payloadLeft = 0;
                        data.position(end);
                        return;
                    }
                    collecting = ByteBuffer.allocate((int) size);
                    collecting.put(data.duplicate().position(frameStart).limit(end));
                    payloadLeft = 0;
                    data.position(end);
                    return;
                }
            }
        }
        headerStartedHere = false; // a header still incomplete here continues in the next read
        if (start < end) {
            next.accept(data);
        }
    }

    /** The frame whose header was just read can go to {@link #direct} (see the class comment). */
    private boolean isWholeTextMessage() {
        boolean fin = (header[0] & 0x80) != 0;
        boolean extensionBits = (header[0] & 0x70) != 0;
        boolean masked = (header[1] & 0x80) != 0;
        return direct != null && textHeader && fin && !extensionBits && !masked && payloadLeft <= direct.maxPayloadBytes();
    }

    private long payloadLength() {
        int len7 = header[1] & 0x7F;
        if (len7 < 126) {
            return len7;
        }
        int bytes = len7 == 126 ? 2 : 8;
        long n = 0;
        for (int i = 0; i < bytes; i++) {
            n = (n << 8) | (header[2 + i] & 0xFF);
        }
        return n < 0 ? Long.MAX_VALUE : n; // the RFC forbids the top bit; treat it as "the rest of the stream"
    }
}
