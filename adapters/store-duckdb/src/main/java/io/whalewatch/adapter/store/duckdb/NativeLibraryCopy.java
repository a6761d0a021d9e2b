package io.whalewatch.adapter.store.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the copy of DuckDB's native library that the driver unpacked for this process.
 *
 * <p>Why: DuckDB's JDBC driver copies its 71 MB library out of the jar into {@code java.io.tmpdir} on every
 * start and asks for the copy to be deleted at a normal JVM exit only ({@code deleteOnExit}). A {@code kill -9},
 * an {@code -XX:+ExitOnOutOfMemoryError} exit or a power cut leaves the copy behind, so a crash-looping service
 * run outside systemd's {@code PrivateTmp} (a container, a shell) fills its temp directory 71 MB per restart.
 * Once the library is loaded its file is no longer needed: on Linux the mapping keeps the inode alive, exactly
 * as for any deleted file that is still open. So right after the first connection this process unlinks the
 * copy it has mapped, found in {@code /proc/self/maps}, and nothing is left to leak.
 *
 * <p>Only files this process maps, named as the driver names its copies ({@code libduckdb_java<digits>.so}) and
 * lying in the temp directory, are touched; where {@code /proc/self/maps} does not exist (not Linux) this does
 * nothing, and the driver's own {@code deleteOnExit} remains.
 */
final class NativeLibraryCopy {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCopy.class);
    /** A maps line ends with the mapped file's path; a removed file's path is followed by " (deleted)". */
    private static final Pattern DRIVER_COPY = Pattern.compile("\\s(/\\S*/libduckdb_java\\d+\\.so)$");
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private NativeLibraryCopy() {
    }

    /** After the driver has loaded its library (any connection attempt): unlinks this process's copy, once. */
    static void unlinkOnce() {
        if (DONE.compareAndSet(false, true)) {
            unlink(Path.of("/proc/self/maps"), Path.of(System.getProperty("java.io.tmpdir")));
        }
    }

    /**
     * Deletes the driver's copies that {@code maps} (a {@code /proc/<pid>/maps} listing) shows mapped from
     * {@code tempDir}. Failures are logged, never thrown: a copy left behind is the driver's behaviour anyway.
     *
     * @return the files deleted
     */
    static List<Path> unlink(Path maps, Path tempDir) {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isReadable(maps)) {
            return deleted;
        }
        try {
            Path dir = tempDir.toRealPath();
            for (Path copy : mappedCopies(Files.readAllLines(maps))) {
                if (dir.equals(copy.getParent()) && Files.deleteIfExists(copy)) {
                    deleted.add(copy);
                    LOG.debug("removed DuckDB's unpacked native library {} (loaded; the mapping keeps it alive)", copy);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove DuckDB's unpacked native library from {}: {}", tempDir, e.toString());
        }
        return deleted;
    }

    private static List<Path> mappedCopies(List<String> mapsLines) {
        List<Path> copies = new ArrayList<>();
        for (String line : mapsLines) {
            Matcher m = DRIVER_COPY.matcher(line);
            if (m.find()) {
                Path copy = Path.of(m.group(1));
                if (!copies.contains(copy)) {
                    copies.add(copy);
                }
            }
        }
        return copies;
    }
}
