package io.whalewatch.adapter.simulator.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation of bytes (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF), eight ASCII bytes per step: recorded frames are mostly ASCII JSON of megabytes, and a
 * WebSocket text frame must carry valid UTF-8 (RFC 6455 8.1).
 */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    static boolean valid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (i + 8 <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n = sequenceAt(b, i, end, c);
            if (n < 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** Length of the multi-byte sequence starting with {@code c} at {@code i}, or -1 if malformed. */
    private static int sequenceAt(byte[] b, int i, int end, int c) {
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80; // no overlong 3-byte forms
            hi = c == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            lo = c == 0xF0 ? 0x90 : 0x80; // no overlong 4-byte forms
            hi = c == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        } else {
            return -1;
        }
        if (i + n > end) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return -1;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return n;
    }
}
