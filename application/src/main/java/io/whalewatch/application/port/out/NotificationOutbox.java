package io.whalewatch.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * The durable record of every notification and its delivery state per channel: what was sent, what
 * is still due, what failed. Survives restarts; implemented by the store. Thread-safe.
 */
public interface NotificationOutbox {
    /** Stores new deliveries (status pending, due now). Idempotent on (eventId, channel). */
    void enqueue(List<Delivery> deliveries);

    /** Pending deliveries on the given channels due at {@code now}, oldest first. */
    List<Delivery> due(Instant now, java.util.Set<String> channels, int limit);

    /**
     * Deliveries of one kind created at or after {@code since}, oldest first, any status (one per
     * event and channel): the record of what was announced, e.g. to restore alert cooldowns after a restart.
     */
    List<Delivery> createdSince(String kind, Instant since);

    /** A successful attempt (counted in {@code attempts}). */
    void markDelivered(String eventId, String channel, Instant at);

    /** A failed attempt that will be retried at {@code nextAttemptAt}. */
    void markRetry(String eventId, String channel, int attempts, Instant nextAttemptAt, String error);

    /** Given up (attempts exhausted or not retryable); kept for the record. */
    void markFailed(String eventId, String channel, int attempts, String error);

    /** Deliveries still pending. */
    long pendingCount();

    /**
     * One notification on one channel.
     *
     * @param kind    e.g. "accuracy_alert" or "whale_alert"
     * @param payload the channel's rendered payload, sent byte for byte
     */
    record Delivery(String eventId, String channel, String kind, String payload, Instant createdAt, int attempts, Instant nextAttemptAt) {
    }
}
