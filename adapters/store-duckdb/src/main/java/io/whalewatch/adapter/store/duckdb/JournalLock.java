package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive lock on {@code <journal>.lock}, held while a journal is open, so a second process
 * (or a second opener in this one) cannot append to or compact the same journal. The lock file is left
 * in place on close: deleting it would let two processes lock two different files of the same name.
 */
final class JournalLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the journal {@code journal}, or fails naming it when someone else holds it. */
    static JournalLock acquire(Path journal) {
        Path lockFile = journal.resolveSibling(journal.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("Cannot open the prediction journal " + journal + ": its lock file " + lockFile
                    + " cannot be created: " + e + " (check DB_PATH and the permissions of its directory)", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException e) {
            close(channel);
            throw new StoreException("Cannot lock the prediction journal " + journal + " (" + lockFile + "): " + e, e);
        }
        if (lock == null) {
            close(channel);
            throw new StoreException("The prediction journal " + journal + " is in use by another process or "
                    + "store (its lock " + lockFile + " is held). Stop that process, or set DB_PATH to another file.");
        }
        return new JournalLock(channel, lock);
    }

    /** Makes a file's creation or rename durable by syncing its directory (where the platform allows it). */
    static void forceDirectory(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Releasing the journal lock failed: {}", e.getMessage());
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the journal lock file failed: {}", e.getMessage());
        }
    }
}
