package io.whalewatch.application.port.out;

/** The store failed (locked, full disk, I/O error). The message names the file or cause. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
