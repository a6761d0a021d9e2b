package io.whalewatch.application.port.out;

/** The mempool upstream could not answer (network error, 5xx, rate limited). Retry later. */
public class SourceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SourceUnavailableException(String message) {
        super(message);
    }
}
