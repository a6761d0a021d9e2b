package io.whalewatch.application.spi;

/** An adapter could not be created or configured; the message names the setting at fault. */
public class AdapterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdapterException(String message) {
        super(message);
    }

    public AdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
