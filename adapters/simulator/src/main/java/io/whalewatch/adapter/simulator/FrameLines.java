package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.server.ReplayFrame;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a frames file line by line as bytes, straight from the file into the array the line is
 * then used from: a replayed frame is one multi-megabyte line, and decoding it to a String (and
 * Tyrus encoding it back) cost the simulator, which shares the machine with the server it feeds
 * in benchmarks, most of its time. Each line starts {@link #ROOM} bytes into its array, room that
 * {@link ReplayFrame#inPlace} fills with the WebSocket header.
 *
 * <p>In {@code keep} mode every line gets its own array (the replay hands it to asynchronous
 * socket writes); otherwise one array is reused and a line is valid until the next call.
 */
final class FrameLines implements AutoCloseable {
    static final int ROOM = ReplayFrame.HEADROOM;
    /** Bytes per read: bounds the tail of a read that must move to the next line's array. */
    private static final int READ = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long NEWLINES = ONES * '\n';
    private final InputStream in;
    private final boolean keep;
    private byte[] buf = new byte[ROOM + (1 << 16)];
    private int filled;   // data bytes at [ROOM, ROOM + filled)
    private int scanned;  // leading data bytes known to hold no '\n'
    private int consumed; // data bytes of the last returned line and its terminator
    private boolean eof;
    private byte[] line;

    FrameLines(Path file, boolean keep) throws IOException {
        this.in = Files.newInputStream(file);
        this.keep = keep;
    }

    /**
     * Reads the next line; its bytes, without the terminator (a trailing '\r' is dropped too), are
     * {@code array()[ROOM, ROOM + length)}. Returns the length, or -1 at the end of the file.
     */
    int next() throws IOException {
        compact();
        while (true) {
            int nl = indexOfNewline(buf, ROOM + scanned, ROOM + filled);
            if (nl >= 0) {
                consumed = nl + 1 - ROOM;
                return found(nl - ROOM);
            }
            scanned = filled;
            if (eof) {
                if (filled == 0) {
                    return -1;
                }
                consumed = filled;
                return found(filled);
            }
            if (ROOM + filled == buf.length) {
                buf = Arrays.copyOf(buf, 2 * buf.length);
            }
            int r = in.read(buf, ROOM + filled, Math.min(READ, buf.length - ROOM - filled));
            if (r < 0) {
                eof = true;
            } else {
                filled += r;
            }
        }
    }

    /** The array holding the line {@link #next} returned last. */
    byte[] array() {
        return line;
    }

    private int found(int len) {
        line = buf;
        return len > 0 && buf[ROOM + len - 1] == '\r' ? len - 1 : len;
    }

    /** Moves what was read past the last line to the front (of a new array in keep mode). */
    private void compact() {
        if (consumed == 0) {
            return;
        }
        int rest = filled - consumed;
        // A new array sized for a line like the last one, so the next line rarely needs to grow.
        byte[] next = keep ? new byte[ROOM + Math.max(consumed + READ, Math.max(rest, 1 << 16))] : buf;
        System.arraycopy(buf, ROOM + consumed, next, ROOM, rest);
        buf = next;
        filled = rest;
        scanned = 0;
        consumed = 0;
    }

    /** First '\n' in {@code b[from, to)}, eight bytes per step (SWAR zero-byte test), or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            if (((x - ONES) & ~x & (ONES << 7)) != 0) {
                break;
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
