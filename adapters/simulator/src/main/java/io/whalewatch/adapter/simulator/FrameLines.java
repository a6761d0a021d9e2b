package io.whalewatch.adapter.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a frames file line by line from bytes: a replayed frame is one multi-megabyte line, and
 * {@code BufferedReader.readLine} decodes it char by char into a growing StringBuilder and copies it
 * again; here the line's bytes are collected in one reusable array and turned into a String once
 * (for ASCII JSON the JDK's UTF-8 decoder is a plain copy). The simulator shares the machine with
 * the server it feeds in benchmarks, so its cost per frame matters.
 */
final class FrameLines implements AutoCloseable {
    private final InputStream in;
    private final byte[] chunk = new byte[1 << 20];
    private int pos;
    private int limit;
    private byte[] line = new byte[1 << 16];

    FrameLines(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** The next line without its terminator (a trailing '\r' is dropped too), or null at the end. */
    String next() throws IOException {
        int len = 0;
        while (true) {
            if (pos == limit) {
                limit = in.read(chunk);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return len == 0 ? null : text(len);
                }
            }
            int end = pos;
            while (end < limit && chunk[end] != '\n') {
                end++;
            }
            len = append(len, end - pos);
            boolean found = end < limit;
            pos = found ? end + 1 : end;
            if (found) {
                return text(len);
            }
        }
    }

    private int append(int len, int n) {
        if (len + n > line.length) {
            line = Arrays.copyOf(line, Math.max(len + n, line.length * 2));
        }
        System.arraycopy(chunk, pos, line, len, n);
        return len + n;
    }

    private String text(int len) {
        int n = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
