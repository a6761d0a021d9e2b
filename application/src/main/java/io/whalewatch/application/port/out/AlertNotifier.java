package io.whalewatch.application.port.out;

/**
 * A channel that tells the operator (webhook, email).
 *
 * <p>Contract: {@link #render} turns a notification into this channel's opaque payload, which the
 * application stores in the durable outbox before any attempt, so a restart redelivers exactly the
 * same bytes (a webhook signature stays valid). {@link #send} makes one delivery attempt and is called
 * from the application's dispatcher thread, never the pipeline thread; it may block up to its own
 * timeout. Retries, backoff and bookkeeping are the application's job.
 */
public interface AlertNotifier extends AutoCloseable {
    /** The channel name stored with each delivery ("webhook", "email"). */
    String channel();

    /** Whether this channel wants this notification (e.g. whale alerts only if configured). */
    boolean accepts(Notification notification);

    /** The payload to store and send; deterministic for a given notification. */
    String render(Notification notification);

    /**
     * One delivery attempt.
     *
     * @throws DeliveryException when it failed; {@link DeliveryException#retryable()} says whether to try again
     */
    void send(String eventId, String payload);

    default ComponentHealth health() {
        return ComponentHealth.ok(channel());
    }

    @Override
    default void close() {
    }

    /** A failed delivery attempt. */
    class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean retryable;

        public DeliveryException(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }

        public DeliveryException(String message, boolean retryable) {
            this(message, retryable, null);
        }

        /** True for network errors, timeouts, 5xx and 429; false for other 4xx (a retry cannot help). */
        public boolean retryable() {
            return retryable;
        }
    }
}
