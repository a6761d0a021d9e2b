package io.whalewatch.application.service;

import io.whalewatch.application.port.out.NotificationOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An outbox in memory, for stores that offer no durable one: accuracy alerts are still logged and
 * their cooldowns kept while the process runs, but nothing survives a restart. External notifiers
 * are refused without a durable outbox (see {@code WhaleWatch.Builder}).
 */
final class TransientOutbox implements NotificationOutbox {
    private final Map<String, Delivery> rows = new LinkedHashMap<>();
    private final Map<String, String> status = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(List<Delivery> deliveries) {
        deliveries.forEach(d -> {
            if (rows.putIfAbsent(key(d.eventId(), d.channel()), d) == null) {
                status.put(key(d.eventId(), d.channel()), "pending");
            }
        });
    }

    @Override
    public synchronized List<Delivery> due(Instant now, Set<String> channels, int limit) {
        return rows.entrySet().stream().filter(e -> status.get(e.getKey()).equals("pending"))
                .map(Map.Entry::getValue).filter(d -> channels.contains(d.channel()) && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::createdAt)).limit(limit).toList();
    }

    @Override
    public synchronized List<Delivery> createdSince(String kind, Instant since) {
        return new ArrayList<>(rows.values().stream().filter(d -> d.kind().equals(kind) && !d.createdAt().isBefore(since))
                .sorted(Comparator.comparing(Delivery::createdAt)).toList());
    }

    @Override
    public synchronized void markDelivered(String eventId, String channel, Instant at) {
        status.put(key(eventId, channel), "delivered");
    }

    @Override
    public synchronized void markRetry(String eventId, String channel, int attempts, Instant nextAttemptAt, String error) {
        Delivery d = rows.get(key(eventId, channel));
        rows.put(key(eventId, channel), new Delivery(eventId, channel, d.kind(), d.payload(), d.createdAt(), attempts, nextAttemptAt));
    }

    @Override
    public synchronized void markFailed(String eventId, String channel, int attempts, String error) {
        status.put(key(eventId, channel), "failed");
    }

    @Override
    public synchronized long pendingCount() {
        return status.values().stream().filter("pending"::equals).count();
    }

    private static String key(String eventId, String channel) {
        return eventId + "\u0000" + channel;
    }
}
