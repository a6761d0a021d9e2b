package io.whalewatch.adapter.store.duckdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The journal's framing: every record is one line, {@code <crc> <json>\n}, where {@code <crc>} is
 * the CRC32C of the JSON bytes in 8 lower-case hex digits. A line whose checksum does not match is
 * damaged; the next newline is where reading resumes (a record never contains a raw newline).
 *
 * <p>Reading tells a torn tail from a corrupt entry: lines that cannot be read after the last good
 * one are what a crash in the middle of an append leaves (not counted, cut off at open); a bad line
 * followed by a good one was damaged after it was written, and is counted.
 */
final class JournalFrames {
    private static final int CRC_DIGITS = 8;
    private static final int PREFIX = CRC_DIGITS + 1; // the digits and a space
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final PredictionJournalCodec codec;

    JournalFrames(PredictionJournalCodec codec) {
        this.codec = codec;
    }

    /** Something that writes one record's JSON. */
    @FunctionalInterface
    interface RecordWriter {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    /** Frames written into one buffer, for a single write; remembers where each frame starts. */
    static final class Batch extends ByteArrayOutputStream {
        private final List<Integer> starts = new ArrayList<>();

        Batch(int capacity) {
            super(capacity);
        }

        /** Appends one framed record. */
        void add(RecordWriter record) {
            int start = count;
            starts.add(start);
            write(HEX, 0, PREFIX); // placeholder, patched below once the JSON is known
            try {
                record.write(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in-memory stream: only the codec can fail
            }
            CRC32C crc = new CRC32C();
            crc.update(buf, start + PREFIX, count - start - PREFIX);
            long value = crc.getValue();
            for (int i = CRC_DIGITS - 1; i >= 0; i--) {
                buf[start + i] = HEX[(int) (value & 0xf)];
                value >>>= 4;
            }
            buf[start + CRC_DIGITS] = ' ';
            write('\n');
        }

        /** Where frame {@code i} starts, relative to the start of the batch. */
        int start(int i) {
            return starts.get(i);
        }

        ByteBuffer view() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** A record read back, and where its frame starts and ends. */
    record Read(JournalRecord record, long start, long end) {
    }

    /** What a scan found. */
    record Scan(List<Read> records, long goodEnd, long corrupt) {
    }

    /**
     * Reads the frames in {@code bytes}, which start at file position {@code base}.
     *
     * @throws PredictionJournalCodec.UnsupportedVersion for an intact record of a newer format
     */
    Scan scan(byte[] bytes, long base) {
        List<Read> records = new ArrayList<>();
        long goodEnd = base;
        long corrupt = 0;
        long badSinceGood = 0;
        int pos = 0;
        while (pos < bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', pos);
            if (nl < 0) {
                break; // an unterminated last line: torn
            }
            JournalRecord record = frame(bytes, pos, nl);
            if (record == null) {
                badSinceGood++;
            } else {
                records.add(new Read(record, base + pos, base + nl + 1));
                corrupt += badSinceGood;
                badSinceGood = 0;
                goodEnd = base + nl + 1;
            }
            pos = nl + 1;
        }
        return new Scan(records, goodEnd, corrupt);
    }

    private JournalRecord frame(byte[] bytes, int from, int to) {
        int length = to - from - PREFIX;
        if (length < 2 || bytes[from + CRC_DIGITS] != ' ') {
            return null;
        }
        long expected = 0;
        for (int i = 0; i < CRC_DIGITS; i++) {
            int digit = Character.digit(bytes[from + i], 16);
            if (digit < 0) {
                return null;
            }
            expected = (expected << 4) | digit;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, from + PREFIX, length);
        if (crc.getValue() != expected) {
            return null;
        }
        try {
            return codec.read(bytes, from + PREFIX, length);
        } catch (PredictionJournalCodec.UnsupportedVersion e) {
            throw e;
        } catch (IllegalArgumentException e) {
            return null; // intact bytes that are not a valid record: as unreadable as a bad checksum
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
