package io.whalewatch.adapter.mempoolspace.tyrus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Text frames become binary ones wherever the stream is cut, large frames arriving in pieces are
 * passed on whole, and the bytes passed on are otherwise exactly the bytes read.
 */
class IncomingFramesTest {
    private static final long LIMIT = 1 << 20;
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final ByteArrayOutputStream expected = new ByteArrayOutputStream();
    private int textFrames;
    private final List<byte[]> directPayloads = new ArrayList<>();
    /** Where each direct frame's (10-byte) header starts on the wire. */
    private final List<Integer> directHeaders = new ArrayList<>();
    private static final int MAX_DIRECT = (int) LIMIT - 100;

    /** A stream with every header form, control frames, a fragmented text message and payloads full of 0x81 bytes. */
    private void buildStream() {
        frame(true, 0x1, filled(5), false);          // short text
        frame(true, 0x1, filled(0), false);          // empty text
        frame(true, 0x9, filled(4), false);          // ping
        frame(true, 0x1, filled(200), false);        // 16-bit length
        frame(true, 0x2, filled(300), false);        // binary stays binary
        frame(false, 0x1, filled(126), false);       // fragmented text: first part (16-bit length, 126)
        frame(true, 0xA, filled(2), false);          // a pong between the fragments
        frame(true, 0x0, filled(125), false);        // continuation: unchanged
        frame(true, 0x1, filled(70_000), false);     // 64-bit length
        frame(true, 0x1, filled(9), true);           // masked (not from a server, but framed correctly)
        frame(true, 0x8, new byte[] {0x03, (byte) 0xE8}, false); // close 1000
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0x81); // what a text frame's first byte looks like: misaligned parsing would show
        return b;
    }

    /** A whole text frame expected at the sink, not in the stream passed on. */
    private void directFrame(byte[] payload) {
        directHeaders.add(wire.size());
        int before = expected.size();
        frame(true, 0x1, payload, false);
        byte[] all = expected.toByteArray();
        expected.reset();
        expected.write(all, 0, before);
        directPayloads.add(payload);
    }

    private void frame(boolean fin, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        int first = (fin ? 0x80 : 0) | opcode;
        h.write(first);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            h.write(mask | payload.length);
        } else if (payload.length <= 0xFFFF) {
            h.write(mask | 126);
            h.write(payload.length >> 8);
            h.write(payload.length & 0xFF);
        } else {
            h.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                h.write((int) ((long) payload.length >> shift) & 0xFF);
            }
        }
        if (masked) {
            h.writeBytes(new byte[] {(byte) 0x81, 0x01, 0x7F, (byte) 0x81});
        }
        byte[] header = h.toByteArray();
        wire.writeBytes(header);
        wire.writeBytes(payload);
        if (opcode == 0x1) {
            header[0] = (byte) ((first & 0xF0) | 0x2);
            textFrames++;
        }
        expected.writeBytes(header);
        expected.writeBytes(payload);
    }

    @Test
    void everyTextFrameBecomesBinaryAndNoOtherByteChangesHoweverTheStreamIsCut() {
        buildStream();
        byte[] original = wire.toByteArray();
        assertThat(rewriteInChunks(original, new int[] {original.length})).isEqualTo(expected.toByteArray());
        int[] single = new int[original.length];
        Arrays.fill(single, 1);
        assertThat(rewriteInChunks(original, single)).as("byte by byte").isEqualTo(expected.toByteArray());
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int[] cuts = new int[original.length];
            int n = 0;
            for (int left = original.length; left > 0; ) {
                int size = Math.min(left, 1 + random.nextInt(round % 2 == 0 ? 16 : 5000));
                cuts[n++] = size;
                left -= size;
            }
            assertThat(rewriteInChunks(original, Arrays.copyOf(cuts, n))).as("round %d", round).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void countsEachTextFrameBeforePassingItsBytesOn() {
        buildStream();
        byte[] original = wire.toByteArray();
        LongAdder counted = new LongAdder();
        IncomingFrames frames = new IncomingFrames(LIMIT, counted);
        List<Long> countSeenByNext = new ArrayList<>();
        frames.accept(ByteBuffer.wrap(original.clone()), b -> countSeenByNext.add(counted.sum()));
        assertThat(counted.sum()).isEqualTo(textFrames).isEqualTo(6);
        assertThat(countSeenByNext).containsExactly(6L);
    }

    @Test
    void onlyTouchesTheBytesBetweenPositionAndLimit() {
        byte[] data = {0x42, (byte) 0x81, 0x00, 0x42};
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.position(1).limit(3);
        List<ByteBuffer> out = new ArrayList<>();
        new IncomingFrames(LIMIT, new LongAdder()).accept(buffer, out::add);
        assertThat(data).containsExactly(0x42, (byte) 0x82, 0x00, 0x42);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).position()).isEqualTo(1);
        assertThat(out.get(0).remaining()).isEqualTo(2);
    }

    @Test
    void aLargeFrameArrivingInPiecesIsPassedOnInOneBufferOfItsSizeSmallOnesAndTooLargeOnesAsTheyCome() {
        frame(true, 0x1, filled(10), false);                                // small: passes through
        frame(true, 0x1, filled(IncomingFrames.COLLECT_FROM * 3), false);   // large: collected
        frame(true, 0x9, filled(3), false);
        frame(true, 0x1, filled((int) LIMIT + 1), false);                   // over the limit: as it comes
        byte[] original = wire.toByteArray();
        List<Integer> pieces = new ArrayList<>();
        assertThat(rewriteInChunks(original, readsOf(original.length, 1000), pieces)).isEqualTo(expected.toByteArray());
        int large = 10 + IncomingFrames.COLLECT_FROM * 3; // 2 bytes + 64-bit length + payload
        assertThat(pieces).as("the large frame in one piece").contains(large);
        assertThat(pieces).as("nothing else larger than a read").allMatch(n -> n == large || n <= 1000);
    }

    @Test
    void aLargeWholeTextFrameGoesToTheSinkAsItsPayloadInStreamOrderAndTheOtherFramesToTyrusAsBefore() {
        int large = IncomingFrames.COLLECT_FROM * 3;
        frame(true, 0x1, filled(10), false);                   // small: Tyrus
        directFrame(distinct(large));                           // large whole text: the sink
        frame(true, 0x9, filled(3), false);                    // ping: Tyrus
        frame(false, 0x1, filled(large), false);               // large first fragment: Tyrus (collected)
        frame(true, 0x0, filled(large), false);                // its continuation: Tyrus
        frame(true, 0x2, filled(large), false);                // large binary: Tyrus
        frame(true, 0x1, filled(large), true);                 // large masked text: Tyrus
        frame(true, 0x1, filled(MAX_DIRECT + 1), false);       // above the sink's maximum, within the limit: Tyrus
        directFrame(distinct(large + 1));                       // another whole one
        frame(true, 0x1, filled(5), false);                    // small: Tyrus
        byte[] original = wire.toByteArray();

        assertDeliveredInOrder(original, readsOf(original.length, 1000));
        // Random reads, but none ends inside a direct frame's header: a frame whose header began in an
        // earlier read has had those bytes passed to Tyrus already and can only go on to Tyrus (below).
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            List<Integer> cuts = new ArrayList<>();
            int at = 0;
            while (at < original.length) {
                int end = Math.min(original.length, at + 1 + random.nextInt(round % 2 == 0 ? 300 : 70_000));
                for (int h : directHeaders) {
                    if (end > h && end < h + 10 && h > at) {
                        end = h;
                    }
                }
                cuts.add(end - at);
                at = end;
            }
            assertDeliveredInOrder(original, cuts.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void aWholeTextFrameWhoseHeaderWasCutByAReadGoesToTyrusWhole() {
        frame(true, 0x1, filled(10), false);
        int headerAt = wire.size();
        frame(true, 0x1, filled(IncomingFrames.COLLECT_FROM * 2), false);
        byte[] original = wire.toByteArray();
        List<byte[]> delivered = new ArrayList<>();
        IncomingFrames frames = new IncomingFrames(LIMIT, new LongAdder(), new WholeTextFrames(MAX_DIRECT, delivered::add));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        feed(frames, original, new int[] {headerAt + 4, original.length - headerAt - 4}, out, new ArrayList<>());
        assertThat(delivered).isEmpty();
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    /** Tyrus gets the expected stream and the sink the payloads, each sink call after exactly the bytes before its frame. */
    private void assertDeliveredInOrder(byte[] original, int[] sizes) {
        List<byte[]> delivered = new ArrayList<>();
        List<Integer> passedOnBeforeEach = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IncomingFrames frames = new IncomingFrames(LIMIT, new LongAdder(), new WholeTextFrames(MAX_DIRECT, p -> {
            delivered.add(p);
            passedOnBeforeEach.add(out.size());
        }));
        feed(frames, original, sizes, out, new ArrayList<>());
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0)).isEqualTo(directPayloads.get(0));
        assertThat(delivered.get(1)).isEqualTo(directPayloads.get(1));
        assertThat(passedOnBeforeEach).as("the first after the small frame (2 + 10 bytes), the second after all but the last frame")
                .containsExactly(12, expected.size() - 7);
    }

    /** Bytes that differ by position, so a shifted or partial copy shows. */
    private static byte[] distinct(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    private static byte[] rewriteInChunks(byte[] original, int[] sizes) {
        return rewriteInChunks(original, sizes, new ArrayList<>());
    }

    /** Feeds the stream in reads of these sizes; returns what was passed on, concatenated, and records the pieces' sizes. */
    private static byte[] rewriteInChunks(byte[] original, int[] sizes, List<Integer> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        feed(new IncomingFrames(LIMIT, new LongAdder()), original, sizes, out, pieces);
        return out.toByteArray();
    }

    /**
     * Feeds a copy of {@code original} to {@code frames} in reads of these sizes; what is passed on goes to
     * {@code out}, the size of each piece passed on to {@code pieces}.
     */
    private static void feed(IncomingFrames frames, byte[] original, int[] sizes, ByteArrayOutputStream out,
            List<Integer> pieces) {
        byte[] copy = original.clone(); // the rewriting changes opcodes in place
        int at = 0;
        for (int size : sizes) {
            frames.accept(ByteBuffer.wrap(copy, at, size).slice(), b -> {
                pieces.add(b.remaining());
                byte[] bytes = new byte[b.remaining()];
                b.duplicate().get(bytes);
                out.writeBytes(bytes);
            });
            at += size;
        }
    }

    /** Reads of {@code size} bytes, the last one shorter, covering {@code length} bytes. */
    private static int[] readsOf(int length, int size) {
        int[] sizes = new int[length / size + 1];
        Arrays.fill(sizes, size);
        sizes[sizes.length - 1] = length - size * (sizes.length - 1);
        return sizes;
    }
}
