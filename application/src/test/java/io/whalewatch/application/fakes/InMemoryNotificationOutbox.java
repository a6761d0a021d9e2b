package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.NotificationOutbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outbox contract in memory; rows are public so tests can look at status, attempts and errors. */
public final class InMemoryNotificationOutbox implements NotificationOutbox {
    /** One row of the outbox table. */
    public record Row(Delivery delivery, String status, int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {
        Row with(String newStatus, int newAttempts, Instant next, String error, Instant delivered) {
            return new Row(delivery, newStatus, newAttempts, next, error, delivered);
        }
    }

    public final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(List<Delivery> deliveries) {
        deliveries.forEach(d -> rows.putIfAbsent(key(d.eventId(), d.channel()),
                new Row(d, "pending", d.attempts(), d.nextAttemptAt(), null, null)));
    }

    @Override
    public synchronized List<Delivery> due(Instant now, Set<String> channels, int limit) {
        return rows.values().stream()
                .filter(r -> r.status().equals("pending") && !r.nextAttemptAt().isAfter(now) && channels.contains(r.delivery().channel()))
                .sorted(Comparator.comparing(r -> r.delivery().createdAt()))
                .map(r -> new Delivery(r.delivery().eventId(), r.delivery().channel(), r.delivery().kind(), r.delivery().payload(),
                        r.delivery().createdAt(), r.attempts(), r.nextAttemptAt()))
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Delivery> createdSince(String kind, Instant since) {
        return rows.values().stream().map(Row::delivery).filter(d -> d.kind().equals(kind) && !d.createdAt().isBefore(since))
                .sorted(Comparator.comparing(Delivery::createdAt)).toList();
    }

    @Override
    public synchronized void markDelivered(String eventId, String channel, Instant at) {
        rows.computeIfPresent(key(eventId, channel), (k, r) -> r.with("delivered", r.attempts() + 1, r.nextAttemptAt(), r.lastError(), at));
    }

    @Override
    public synchronized void markRetry(String eventId, String channel, int attempts, Instant nextAttemptAt, String error) {
        rows.computeIfPresent(key(eventId, channel), (k, r) -> r.with("pending", attempts, nextAttemptAt, error, null));
    }

    @Override
    public synchronized void markFailed(String eventId, String channel, int attempts, String error) {
        rows.computeIfPresent(key(eventId, channel), (k, r) -> r.with("failed", attempts, r.nextAttemptAt(), error, null));
    }

    @Override
    public synchronized long pendingCount() {
        return rows.values().stream().filter(r -> r.status().equals("pending")).count();
    }

    public synchronized Row row(String eventId, String channel) {
        return rows.get(key(eventId, channel));
    }

    private static String key(String eventId, String channel) {
        return eventId + "|" + channel;
    }
}
