package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.PredictionJournal;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PredictionJournal} in an append-only file (framing: {@link JournalFrames}, records:
 * {@link PredictionJournalCodec}). {@link #append} is one positional write of all its records and one
 * {@code force(false)} (fdatasync: data and file size, not the modification time) on a channel kept
 * open; nothing else happens on that path.
 *
 * <p>{@link #settle} writes a watermark record (not forced: losing it only means re-storing predictions
 * the store already holds, which it ignores). It also keeps the file small: when everything is settled
 * and the file has reached {@link Limits#truncateAt}, or when the settled prefix has reached
 * {@link Limits#compactAt}, the file is rewritten as a watermark plus the unsettled tail into a
 * temporary file, which is forced and renamed over the journal. A crash at any point leaves either the
 * old or the new file, both complete.
 *
 * <p>A second opener is refused through an exclusive lock on {@code <journal>.lock}, a separate file
 * because the journal itself is replaced by renames (a lock on it would not outlive a compaction).
 *
 * <p>Threads: {@code io} guards the channel, the end and the index, and is held by an append only for
 * its write and force; {@code maintenance} serialises settle, compaction, {@link #unsettled} and close,
 * so a compaction copies most of the tail without blocking appends.
 */
final class JournalFile implements PredictionJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);

    /**
     * When the file is rewritten.
     *
     * @param truncateAt rewrite when every entry is settled and the file is at least this long
     * @param compactAt  rewrite when the settled prefix is at least this long, unsettled entries remain
     */
    record Limits(long truncateAt, long compactAt) {
        /** 1 MiB (a couple of thousand alerts) and 16 MiB: a rewrite is rare, and the file stays small. */
        static final Limits DEFAULT = new Limits(1L << 20, 16L << 20);
    }

    /** Opens the journal's channels (read and write, created if missing); tests wrap it to inject failures. */
    @FunctionalInterface
    interface Opener {
        Opener FILES = path -> FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);

        FileChannel open(Path path) throws IOException;
    }

    /** An unsettled entry: its alert id, and where its frame starts (logical offset, see {@link #base}). */
    private record Indexed(long alertId, long offset) {
    }

    private final Path file;
    private final Path compactFile;
    private final Limits limits;
    private final Opener opener;
    private final JournalLock lock;
    private final PredictionJournalCodec codec;
    private final JournalFrames frames;
    private final long corrupt;
    private final Object io = new Object();
    private final Object maintenance = new Object();
    private volatile long lastAlertId;

    // guarded by io
    private FileChannel channel;
    /** Offsets are logical: they survive compactions; the file position of offset x is x - base. */
    private long base;
    private long end;
    private long settledUpTo;
    private final ArrayDeque<Indexed> unsettledIndex = new ArrayDeque<>();
    private String failure;
    private boolean closed;

    private JournalFile(Path file, Limits limits, Opener opener, JournalLock lock, PredictionJournalCodec codec, FileChannel channel,
            Recovered recovered) {
        this.file = file;
        this.compactFile = file.resolveSibling(file.getFileName() + ".compact");
        this.limits = limits;
        this.opener = opener;
        this.lock = lock;
        this.codec = codec;
        this.frames = new JournalFrames(codec);
        this.channel = channel;
        this.end = recovered.end;
        this.settledUpTo = recovered.settledUpTo;
        this.lastAlertId = recovered.lastAlertId;
        this.corrupt = recovered.corrupt;
        this.unsettledIndex.addAll(recovered.unsettled);
    }

    /** The journal of the database {@code databaseFile}: {@code <database file>.journal}. */
    static Path besides(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".journal");
    }

    /**
     * Opens (creating if needed) the journal in {@code file}: takes its lock, reads it, and cuts off
     * a torn tail so later appends follow the last good entry.
     *
     * @throws StoreException naming the file when it is in use by another process, unreadable, or
     *                        written by a newer release
     */
    static JournalFile open(Path file, Limits limits) {
        return open(file, limits, Opener.FILES);
    }

    /** {@link #open(Path, Limits)} with the channels from {@code opener}. */
    static JournalFile open(Path file, Limits limits, Opener opener) {
        JournalLock lock = JournalLock.acquire(file);
        FileChannel channel = null;
        try {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".compact")); // a compaction cut short
            boolean created = !Files.exists(file);
            channel = opener.open(file);
            if (created) {
                JournalLock.forceDirectory(file);
            }
            PredictionJournalCodec codec = new PredictionJournalCodec();
            Recovered recovered = recover(file, channel, new JournalFrames(codec));
            return new JournalFile(file, limits, opener, lock, codec, channel, recovered);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            lock.close();
            if (e instanceof StoreException se) {
                throw se;
            }
            if (e instanceof PredictionJournalCodec.UnsupportedVersion uv) {
                throw new StoreException("The prediction journal " + file + " was written by a newer release: "
                        + uv.getMessage(), uv);
            }
            throw new StoreException("Cannot open the prediction journal " + file + ": " + e, e);
        }
    }

    /** What opening found in the file. */
    private record Recovered(long end, long settledUpTo, long lastAlertId, long corrupt, List<Indexed> unsettled) {
    }

    private static Recovered recover(Path file, FileChannel channel, JournalFrames frames) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new StoreException("The prediction journal " + file + " is too large to read (" + size + " bytes)");
        }
        byte[] bytes = readFully(channel, 0, (int) size);
        JournalFrames.Scan scan = frames.scan(bytes, 0);
        if (scan.goodEnd() < size) {
            channel.truncate(scan.goodEnd());
            channel.force(false);
            LOG.info("Prediction journal {}: cut off a torn tail of {} bytes (a crash during an append)",
                    file, size - scan.goodEnd());
        }
        if (scan.corrupt() > 0) {
            LOG.warn("Prediction journal {}: skipped {} corrupt entries", file, scan.corrupt());
        }
        long settled = 0;
        long last = 0;
        for (JournalFrames.Read read : scan.records()) {
            if (read.record() instanceof JournalRecord.Watermark w) {
                settled = Math.max(settled, w.settledUpTo());
                last = Math.max(last, w.lastAlertId());
            } else if (read.record() instanceof JournalRecord.Entry entry) {
                last = Math.max(last, entry.prediction().alertId());
            }
        }
        List<Indexed> unsettled = new ArrayList<>();
        for (JournalFrames.Read read : scan.records()) {
            if (read.record() instanceof JournalRecord.Entry entry && entry.prediction().alertId() > settled) {
                unsettled.add(new Indexed(entry.prediction().alertId(), read.start()));
            }
        }
        return new Recovered(scan.goodEnd(), settled, last, scan.corrupt(), unsettled);
    }

    Path file() {
        return file;
    }

    @Override
    public void append(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        JournalFrames.Batch batch = new JournalFrames.Batch(512 * predictions.size());
        long highest = 0;
        for (Prediction p : predictions) {
            batch.add(out -> codec.writePrediction(p, out));
            highest = Math.max(highest, p.alertId());
        }
        synchronized (io) {
            usable();
            long at = end;
            write(batch, at, true, "append " + predictions.size() + " predictions");
            for (int i = 0; i < predictions.size(); i++) {
                long alertId = predictions.get(i).alertId();
                if (alertId > settledUpTo) {
                    unsettledIndex.addLast(new Indexed(alertId, at + batch.start(i)));
                }
            }
            if (highest > lastAlertId) {
                lastAlertId = highest;
            }
        }
    }

    @Override
    public void settle(long alertId) {
        synchronized (maintenance) {
            long from;
            long endSnapshot;
            FileChannel current;
            long currentBase;
            synchronized (io) {
                usable();
                if (alertId <= settledUpTo) {
                    return;
                }
                settledUpTo = alertId;
                while (!unsettledIndex.isEmpty() && unsettledIndex.peekFirst().alertId() <= settledUpTo) {
                    unsettledIndex.removeFirst();
                }
                from = unsettledIndex.isEmpty() ? end : unsettledIndex.peekFirst().offset();
                boolean allSettled = unsettledIndex.isEmpty() && end - base >= limits.truncateAt();
                boolean longPrefix = from - base >= limits.compactAt();
                if (!allSettled && !longPrefix) {
                    write(watermark(alertId), end, false, "record the settled alert id " + alertId);
                    return;
                }
                endSnapshot = end;
                current = channel;
                currentBase = base;
            }
            rewrite(alertId, from, endSnapshot, current, currentBase);
        }
    }

    /** Writes {@code batch} at logical offset {@code at}, forced if asked; on failure cuts the file back to {@code at}. */
    private void write(JournalFrames.Batch batch, long at, boolean force, String what) {
        ByteBuffer bytes = batch.view();
        try {
            long position = at - base;
            while (bytes.hasRemaining()) {
                position += channel.write(bytes, position);
            }
            if (force) {
                channel.force(false);
            }
            end = at + batch.size();
        } catch (IOException e) {
            rollBack(at, e);
            throw new StoreException("Prediction journal " + file + ": could not " + what + ": " + e, e);
        }
    }

    /** After a failed write: remove whatever part of it reached the file, or refuse further writes. */
    private void rollBack(long at, IOException cause) {
        try {
            channel.truncate(at - base);
        } catch (IOException | RuntimeException e) {
            failure = "a failed write could not be cut back (" + cause + "; then " + e + ")";
            LOG.error("Prediction journal {}: {}; no more appends until a restart", file, failure);
            return;
        }
        try {
            channel.force(false); // the next append's force would persist the shorter size too
        } catch (IOException e) {
            LOG.warn("Prediction journal {}: syncing the cut-back after a failed write failed too: {}", file, e.getMessage());
        }
    }

    private JournalFrames.Batch watermark(long settled) {
        JournalFrames.Batch batch = new JournalFrames.Batch(64);
        long last = lastAlertId;
        batch.add(out -> codec.writeWatermark(settled, last, out));
        return batch;
    }

    /**
     * Replaces the file with a watermark and the entries from logical offset {@code from}: the bytes
     * up to {@code endSnapshot} are copied without holding {@code io}, those appended meanwhile under
     * it. Only this method (under {@code maintenance}) replaces the channel, so {@code old} stays open.
     */
    private void rewrite(long settled, long from, long endSnapshot, FileChannel old, long oldBase) {
        FileChannel next = null;
        boolean renamed = false;
        try {
            next = opener.open(compactFile);
            next.truncate(0);
            JournalFrames.Batch header = watermark(settled);
            writeFully(next, header.view(), 0);
            long newBase = from - header.size();
            copy(old, from - oldBase, endSnapshot - oldBase, next, from - newBase);
            synchronized (io) {
                usable();
                copy(old, endSnapshot - oldBase, end - oldBase, next, endSnapshot - newBase);
                next.force(false);
                try {
                    Files.move(compactFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the file system cannot rename atomically", e);
                }
                renamed = true;
                channel = next;
                base = newBase;
            }
            LOG.debug("Prediction journal {} rewritten from offset {}: settled up to {}", file, from, settled);
        } catch (IOException e) {
            throw new StoreException("Prediction journal " + file + ": could not compact: " + e, e);
        } finally {
            if (renamed) {
                closeQuietly(old);
                forceDirectoryOrWarn(); // until the rename is durable a crash leaves the old file: also complete
            } else {
                closeQuietly(next);
                try {
                    Files.deleteIfExists(compactFile);
                } catch (IOException ignored) {
                    // deleted at the next open
                }
            }
        }
    }

    private void forceDirectoryOrWarn() {
        try {
            JournalLock.forceDirectory(file);
        } catch (IOException e) {
            LOG.warn("Prediction journal {}: could not sync its directory after a compaction: {}", file, e.getMessage());
        }
    }

    @Override
    public List<Prediction> unsettled() {
        synchronized (maintenance) {
            FileChannel ch;
            long from;
            long to;
            long offsetBase;
            long settled;
            synchronized (io) {
                usable();
                ch = channel;
                from = unsettledIndex.isEmpty() ? end : unsettledIndex.peekFirst().offset();
                to = end;
                offsetBase = base;
                settled = settledUpTo;
            }
            try {
                byte[] bytes = readFully(ch, from - offsetBase, Math.toIntExact(to - from));
                List<Prediction> out = new ArrayList<>();
                for (JournalFrames.Read read : frames.scan(bytes, from).records()) {
                    if (read.record() instanceof JournalRecord.Entry e && e.prediction().alertId() > settled) {
                        out.add(e.prediction());
                    }
                }
                return out;
            } catch (IOException | ArithmeticException e) {
                throw new StoreException("Prediction journal " + file + ": could not read the unsettled entries: " + e, e);
            }
        }
    }

    @Override
    public long lastAlertId() {
        return lastAlertId;
    }

    @Override
    public long corruptEntries() {
        return corrupt;
    }

    /** Releases the file and its lock. Idempotent. */
    @Override
    public void close() {
        synchronized (maintenance) {
            synchronized (io) {
                if (closed) {
                    return;
                }
                closed = true;
                closeQuietly(channel);
                lock.close();
            }
        }
    }

    private void usable() {
        if (closed) {
            throw new StoreException("Prediction journal " + file + " is closed");
        }
        if (failure != null) {
            throw new StoreException("Prediction journal " + file + " is unusable until a restart: " + failure);
        }
    }

    private static void copy(FileChannel from, long start, long stop, FileChannel to, long at) throws IOException {
        long position = start;
        while (position < stop) {
            long n = from.transferTo(position, stop - position, to.position(at + position - start));
            if (n <= 0) {
                throw new IOException("the journal ended at " + position + " while copying up to " + stop);
            }
            position += n;
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer bytes, long position) throws IOException {
        long p = position;
        while (bytes.hasRemaining()) {
            p += ch.write(bytes, p);
        }
    }

    private static byte[] readFully(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the journal ended at " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.warn("Closing a prediction journal channel failed: {}", e.getMessage());
            }
        }
    }
}
