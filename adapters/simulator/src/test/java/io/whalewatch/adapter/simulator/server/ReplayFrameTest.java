package io.whalewatch.adapter.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReplayFrameTest {
    private static ReplayFrame frameOf(byte[] payload) {
        byte[] b = new byte[ReplayFrame.HEADROOM + payload.length];
        System.arraycopy(payload, 0, b, ReplayFrame.HEADROOM, payload.length);
        return ReplayFrame.inPlace(b, ReplayFrame.HEADROOM, payload.length);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void usesTheShortestLengthEncodingAndKeepsThePayload() {
        for (int n : new int[] {0, 1, 125, 126, 65_535, 65_536, 300_000}) {
            byte[] payload = new byte[n];
            Arrays.fill(payload, (byte) 'a');
            byte[] f = bytes(frameOf(payload).frame());
            int header = n < 126 ? 2 : n <= 65_535 ? 4 : 10;
            assertThat(f).hasSize(header + n);
            assertThat(f[0]).as("FIN + text").isEqualTo((byte) 0x81);
            long len = switch (header) {
                case 2 -> f[1];
                case 4 -> ((f[2] & 0xFF) << 8) | (f[3] & 0xFF);
                default -> ByteBuffer.wrap(f, 2, 8).getLong();
            };
            assertThat(f[1] & 0x80).as("unmasked").isZero();
            assertThat(len).isEqualTo(n);
            assertThat(Arrays.copyOfRange(f, header, f.length)).isEqualTo(payload);
        }
    }

    @Test
    void eachViewIsFreshSoEveryClientGetsTheWholeFrame() {
        ReplayFrame f = frameOf("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(f.frame())).isEqualTo(bytes(f.frame()));
    }

    @Test
    void acceptsValidUtf8AndRejectsMalformedSequences() {
        assertThat(frameOf("{\"€\":\"日本 \uD83D\uDC0B ü\"}".getBytes(StandardCharsets.UTF_8)).utf8()).isTrue();
        assertThat(frameOf(("x".repeat(13) + "ü").getBytes(StandardCharsets.UTF_8)).utf8()).isTrue();
        int[][] bad = {
            {0x80}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80}, {0xF0, 0x80, 0x80, 0x80},
            {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xE2, 0x82}, {0xC3, 0x28}, {0xFF},
        };
        for (int[] seq : bad) {
            byte[] payload = new byte[9 + seq.length]; // ASCII, then the malformed sequence at the end
            Arrays.fill(payload, (byte) 'a');
            for (int i = 0; i < seq.length; i++) {
                payload[9 + i] = (byte) seq[i];
            }
            assertThat(frameOf(payload).utf8()).as(Arrays.toString(seq)).isFalse();
        }
    }

    @Test
    void decodesTheTextForTheFallbackWithReplacementCharacters() {
        ReplayFrame f = frameOf(new byte[] {'a', (byte) 0xFF, 'b'});
        assertThat(f.utf8()).isFalse();
        assertThat(f.text()).isEqualTo("a\uFFFDb");
    }
}
