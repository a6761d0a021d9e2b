package io.whalewatch.adapter.mempoolspace;

/** A well-formed JSON value that does not have the shape the protocol promises. */
final class BadShapeException extends Exception {
    private static final long serialVersionUID = 1L;

    BadShapeException(String message) {
        super(message, null, false, false);
    }
}
