package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.StoreException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the database file's directory exists and is writable, with messages naming the path. */
final class DatabaseDirectory {
    private DatabaseDirectory() {
    }

    private static String reason(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            return "exists and is not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    }

    static void prepare(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw new StoreException("Cannot create the database directory " + dir + ": " + e.getFile() + ": "
                    + reason(e) + " (check DB_PATH)", e);
        } catch (IOException e) {
            throw new StoreException("Cannot create the database directory " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("The database directory " + dir + " is not writable (check DB_PATH "
                    + "and the permissions of " + dir + ")");
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("The database path " + file + " is a directory, not a file (check DB_PATH)");
        }
    }
}
