package io.whalewatch.adapter.mempoolspace.tyrus;

import java.nio.ByteBuffer;

/**
 * Follows the WebSocket frames (RFC 6455, section 5.2) in the byte stream a server sends and turns
 * the opcode of each text frame (1) into binary (2), in place, before Tyrus reads it. Continuation
 * frames (0) and control frames (close, ping, pong) are left alone, so a fragmented text message
 * becomes a fragmented binary one and the connection's own protocol is untouched.
 *
 * <p>Frame headers may be split across reads at any byte; the rewriter keeps what it has seen of
 * the current header and how much of the current payload is still to be skipped. One instance per
 * connection, called from one thread at a time (the connection's reader).
 */
final class TextFrameRewriter {
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    /** The longest header: 2 bytes, an 8-byte length and a 4-byte masking key. */
    private final byte[] header = new byte[14];
    private int headerHave;
    private int headerNeed;
    private long payloadLeft;

    /**
     * Rewrites the frames' first bytes in {@code data} (from its position to its limit); the position
     * is unchanged. Returns how many text frames began in {@code data}.
     */
    int rewrite(ByteBuffer data) {
        int texts = 0;
        int at = data.position();
        int end = data.limit();
        while (at < end) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, end - at);
                at += skip;
                payloadLeft -= skip;
                continue;
            }
            byte b = data.get(at);
            if (headerHave == 0 && (b & 0x0F) == TEXT) {
                b = (byte) ((b & 0xF0) | BINARY);
                data.put(at, b);
                texts++;
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
            }
        }
        return texts;
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
