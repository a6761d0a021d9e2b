package io.whalewatch.adapter.simulator.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One recorded line to replay, kept as the file's bytes: a complete WebSocket text frame (RFC 6455
 * 5.2: FIN, opcode 1, no RSV bits, unmasked as a server sends, the shortest of the 7/16/64-bit
 * lengths) whose header is written into the room left before the payload, so the frame is the
 * line's own array and every client is written the same bytes without a String being built or
 * UTF-8 being encoded again. Lines that are not valid UTF-8 go through Tyrus' sendText as before
 * (decoded with replacement characters), since a text frame must carry valid UTF-8.
 */
public final class ReplayFrame {
    /** Bytes to leave free in front of the payload for the longest header. */
    public static final int HEADROOM = 10;
    private final byte[] bytes;
    private final int start;
    private final int end;
    private final int payloadOffset;
    private final boolean utf8;
    private volatile String text;

    private ReplayFrame(byte[] bytes, int start, int payloadOffset, int end, boolean utf8) {
        this.bytes = bytes;
        this.start = start;
        this.payloadOffset = payloadOffset;
        this.end = end;
        this.utf8 = utf8;
    }

    /**
     * Frames the payload {@code bytes[offset, offset + length)} in place: validates it once and
     * writes the header into the {@link #HEADROOM} bytes before {@code offset}. The array then
     * belongs to this frame (writes to clients may still read it after this returns).
     */
    public static ReplayFrame inPlace(byte[] bytes, int offset, int length) {
        if (offset < HEADROOM || offset + length > bytes.length) {
            throw new IllegalArgumentException("need " + HEADROOM + " bytes of room before the payload");
        }
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        int start = offset - header;
        bytes[start] = (byte) 0x81;
        if (length < 126) {
            bytes[start + 1] = (byte) length;
        } else if (length <= 0xFFFF) {
            bytes[start + 1] = 126;
            bytes[start + 2] = (byte) (length >>> 8);
            bytes[start + 3] = (byte) length;
        } else {
            bytes[start + 1] = 127;
            for (int i = 0; i < 8; i++) {
                bytes[start + 2 + i] = (byte) ((long) length >>> (56 - 8 * i));
            }
        }
        return new ReplayFrame(bytes, start, offset, offset + length, Utf8.valid(bytes, offset, length));
    }

    /** Whether the payload is valid UTF-8, i.e. the pre-framed bytes may be written. */
    public boolean utf8() {
        return utf8;
    }

    public int payloadLength() {
        return end - payloadOffset;
    }

    int frameLength() {
        return end - start;
    }

    /** A fresh view of the whole frame's bytes (one per write: writers consume the position). */
    ByteBuffer frame() {
        return ByteBuffer.wrap(bytes, start, end - start).slice();
    }

    /** The payload as text, for the sendText fallback; decoded at most about once per frame. */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(bytes, payloadOffset, end - payloadOffset, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }
}
