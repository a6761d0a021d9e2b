package io.whalewatch.adapter.simulator;

import io.whalewatch.application.spi.AdapterException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of one record per line (ground truth, recorded frames). A null path makes
 * a no-op writer. Lines are flushed as written so a crashed run still leaves its history.
 */
final class LineFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LineFile.class);
    private final BufferedWriter out;
    private final String key;

    private LineFile(BufferedWriter out, String key) {
        this.out = out;
        this.key = key;
    }

    static LineFile open(Path path, String key) {
        if (path == null) {
            return new LineFile(null, key);
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new LineFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8), key);
        } catch (IOException e) {
            throw new AdapterException(key + "=" + path + " cannot be written: " + e.getMessage(), e);
        }
    }

    boolean enabled() {
        return out != null;
    }

    /** Writes one line; the text must not contain a line break (frames and JSON lines never do). */
    synchronized void write(String line) {
        if (out == null) {
            return;
        }
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            LOG.warn("{}: write failed: {}", key, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("{}: close failed: {}", key, e.toString());
            }
        }
    }
}
