package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameLinesTest {
    @TempDir
    Path dir;

    @Test
    void readsLinesOfAnyLengthAndTerminator() throws Exception {
        String huge = "{\"x\":\"" + "a".repeat(3_000_000) + "\"}";
        Path f = dir.resolve("f");
        Files.writeString(f, "{\"a\":1}\n\n" + huge + "\r\n{\"€\":2}\n{\"last\":true}", StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        try (FrameLines in = new FrameLines(f)) {
            for (String l = in.next(); l != null; l = in.next()) {
                lines.add(l);
            }
        }
        assertThat(lines).containsExactly("{\"a\":1}", "", huge, "{\"€\":2}", "{\"last\":true}");
    }
}
