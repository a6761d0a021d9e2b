package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameLinesTest {
    @TempDir
    Path dir;

    private final String huge = "{\"x\":\"" + "a".repeat(3_000_000) + "\u20ac\"}";

    private Path file() throws Exception {
        Path f = dir.resolve("f");
        Files.writeString(f, "{\"a\":1}\n\n" + huge + "\r\n{\"€\":2}\n{\"last\":true}", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsLinesOfAnyLengthAndTerminatorReusingOneArray() throws Exception {
        List<String> lines = new ArrayList<>();
        try (FrameLines in = new FrameLines(file(), false)) {
            for (int len = in.next(); len >= 0; len = in.next()) {
                lines.add(new String(in.array(), FrameLines.ROOM, len, StandardCharsets.UTF_8));
            }
        }
        assertThat(lines).containsExactly("{\"a\":1}", "", huge, "{\"€\":2}", "{\"last\":true}");
    }

    @Test
    void keepModeGivesEachLineItsOwnArrayThatLaterReadsLeaveAlone() throws Exception {
        List<byte[]> arrays = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        try (FrameLines in = new FrameLines(file(), true)) {
            for (int len = in.next(); len >= 0; len = in.next()) {
                arrays.add(in.array());
                lengths.add(len);
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            lines.add(new String(arrays.get(i), FrameLines.ROOM, lengths.get(i), StandardCharsets.UTF_8));
        }
        assertThat(lines).containsExactly("{\"a\":1}", "", huge, "{\"€\":2}", "{\"last\":true}");
        assertThat(arrays.get(2)).isNotSameAs(arrays.get(3));
    }

    @Test
    void findsNewlinesAtEveryPositionOfAWord() {
        for (int at = 0; at < 20; at++) {
            byte[] b = new byte[20];
            Arrays.fill(b, (byte) 'x');
            b[at] = '\n';
            assertThat(FrameLines.indexOfNewline(b, 0, 20)).isEqualTo(at);
            assertThat(FrameLines.indexOfNewline(b, at + 1, 20)).isEqualTo(-1);
        }
        byte[] nonAscii = "\u20ac\u00ff\u0a0a\n".getBytes(StandardCharsets.UTF_8); // bytes near 0x0A must not match
        assertThat(FrameLines.indexOfNewline(nonAscii, 0, nonAscii.length)).isEqualTo(nonAscii.length - 1);
    }
}
