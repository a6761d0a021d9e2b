package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.application.port.out.NotificationOutbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The notification outbox in the store's {@code notification_outbox} table. Enqueueing is one
 * transaction and ignores rows already there (idempotent on event id and channel).
 */
final class DuckDbNotificationOutbox implements NotificationOutbox {
    private static final String COLUMNS = "event_id, channel, kind, payload, created_at, attempts, next_attempt_at";
    private final StoreAccess store;

    DuckDbNotificationOutbox(StoreAccess store) {
        this.store = store;
    }

    @Override
    public void enqueue(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        store.inTransaction("enqueue " + deliveries.size() + " notifications", h -> {
            for (Delivery d : deliveries) {
                h.createUpdate("INSERT INTO notification_outbox (" + COLUMNS + ", status) "
                                + "VALUES (:e, :c, :k, :p, :created, :a, :next, 'pending') ON CONFLICT DO NOTHING")
                        .bind("e", d.eventId()).bind("c", d.channel()).bind("k", d.kind()).bind("p", d.payload())
                        .bind("created", Utc.toTimestamp(d.createdAt())).bind("a", d.attempts())
                        .bind("next", Utc.toTimestamp(d.nextAttemptAt())).execute();
            }
            return null;
        });
    }

    @Override
    public List<Delivery> due(Instant now, Set<String> channels, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return store.read("read due notifications", h -> h.createQuery("SELECT " + COLUMNS + " FROM notification_outbox "
                        + "WHERE status = 'pending' AND next_attempt_at <= :now AND channel IN (SELECT unnest(:channels)) "
                        + "ORDER BY created_at, event_id, channel LIMIT :limit")
                .bind("now", Utc.toTimestamp(now)).bindArray("channels", String.class, List.copyOf(channels))
                .bind("limit", Math.max(0, limit)).map(DuckDbNotificationOutbox::delivery).list());
    }

    @Override
    public List<Delivery> createdSince(String kind, Instant since) {
        return store.read("read recorded notifications", h -> h.createQuery("SELECT " + COLUMNS + " FROM notification_outbox "
                        + "WHERE kind = :kind AND created_at >= :since ORDER BY created_at, event_id, channel")
                .bind("kind", kind).bind("since", Utc.toTimestamp(since)).map(DuckDbNotificationOutbox::delivery).list());
    }

    @Override
    public void markDelivered(String eventId, String channel, Instant at) {
        update("mark " + eventId + " delivered", "status = 'delivered', attempts = attempts + 1, delivered_at = :at, last_error = NULL",
                eventId, channel, Utc.toTimestamp(at), null, null);
    }

    @Override
    public void markRetry(String eventId, String channel, int attempts, Instant nextAttemptAt, String error) {
        update("schedule a retry of " + eventId, "attempts = :attempts, next_attempt_at = :at, last_error = :error",
                eventId, channel, Utc.toTimestamp(nextAttemptAt), attempts, error);
    }

    @Override
    public void markFailed(String eventId, String channel, int attempts, String error) {
        update("mark " + eventId + " failed", "status = 'failed', attempts = :attempts, last_error = :error",
                eventId, channel, null, attempts, error);
    }

    @Override
    public long pendingCount() {
        return store.read("count pending notifications", h -> h.createQuery(
                "SELECT count(*) FROM notification_outbox WHERE status = 'pending'").mapTo(Long.class).one());
    }

    private void update(String what, String set, String eventId, String channel, Object at, Integer attempts, String error) {
        store.inTransaction(what, h -> {
            var u = h.createUpdate("UPDATE notification_outbox SET " + set + " WHERE event_id = :e AND channel = :c")
                    .bind("e", eventId).bind("c", channel);
            if (set.contains(":at")) {
                u.bindByType("at", at, java.time.LocalDateTime.class);
            }
            if (set.contains(":attempts")) {
                u.bind("attempts", attempts);
            }
            if (set.contains(":error")) {
                u.bind("error", error == null ? null : StoreFailures.firstLine(error));
            }
            return u.execute();
        });
    }

    private static Delivery delivery(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Delivery(rs.getString("event_id"), rs.getString("channel"), rs.getString("kind"), rs.getString("payload"),
                Utc.instant(rs, "created_at"), rs.getInt("attempts"), Utc.instant(rs, "next_attempt_at"));
    }
}
