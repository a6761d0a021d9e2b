package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.NotificationOutbox.Delivery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on a real DuckDB file: idempotent enqueue, due order and channels, state changes, restarts. */
class NotificationOutboxIT {
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00.123456Z");
    @TempDir
    Path dir;

    private DuckDbPredictionRepository open() {
        return DuckDbPredictionRepository.open(dir.resolve("outbox.db"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void pendingDeliveriesSurviveARestartWithTheirAttemptsAndExactPayload() throws Exception {
        String payload = "{\"text\":\"Zürich \\\"quoted\\\" \\n line\"}";
        try (DuckDbPredictionRepository repo = open()) {
            NotificationOutbox outbox = repo.port(NotificationOutbox.class).orElseThrow();
            outbox.enqueue(List.of(new Delivery("e1", "webhook", "accuracy_alert", payload, T0, 0, T0),
                    new Delivery("e1", "email", "accuracy_alert", "mail", T0, 0, T0)));
            outbox.enqueue(List.of(new Delivery("e1", "webhook", "accuracy_alert", "other", T0, 0, T0))); // idempotent
            outbox.markRetry("e1", "webhook", 1, T0.plusSeconds(5), "HTTP 503 Service Unavailable\nbody");
            assertThat(outbox.pendingCount()).isEqualTo(2);
        }
        try (DuckDbPredictionRepository repo = open()) {
            NotificationOutbox outbox = repo.port(NotificationOutbox.class).orElseThrow();
            assertThat(outbox.due(T0.plusSeconds(4), Set.of("webhook", "email"), 10)).extracting(Delivery::channel).containsExactly("email");
            assertThat(outbox.due(T0.plusSeconds(5), Set.of("webhook"), 10)).singleElement().satisfies(d -> {
                assertThat(d.payload()).isEqualTo(payload);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.createdAt()).isEqualTo(T0);
                assertThat(d.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
            });
            outbox.markDelivered("e1", "webhook", T0.plusSeconds(6));
            outbox.markFailed("e1", "email", 3, "550 mailbox unavailable");
            assertThat(outbox.pendingCount()).isZero();
            assertThat(outbox.due(T0.plusSeconds(60), Set.of("webhook", "email"), 10)).isEmpty();
        }
        try (Connection c = TestDb.readOnly(dir.resolve("outbox.db")); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM notification_outbox ORDER BY channel")) {
            rs.next();
            assertThat(rs.getString("channel")).isEqualTo("email");
            assertThat(rs.getString("status")).isEqualTo("failed");
            assertThat(rs.getInt("attempts")).isEqualTo(3);
            assertThat(rs.getString("last_error")).isEqualTo("550 mailbox unavailable");
            rs.next();
            assertThat(rs.getString("status")).isEqualTo("delivered");
            assertThat(rs.getInt("attempts")).as("the successful attempt counts").isEqualTo(2);
            assertThat(rs.getObject("delivered_at", LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-11-22T12:00:06.123456"));
            assertThat(rs.getString("last_error")).isNull();
            assertThat(rs.getString("kind")).isEqualTo("accuracy_alert");
        }
    }

    @Test
    void dueIsOldestFirstLimitedAndFilteredByChannel() {
        try (DuckDbPredictionRepository repo = open()) {
            NotificationOutbox outbox = repo.port(NotificationOutbox.class).orElseThrow();
            for (int i = 5; i >= 1; i--) {
                Instant at = T0.plusSeconds(i);
                outbox.enqueue(List.of(new Delivery("e" + i, "webhook", "whale_alert", "p" + i, at, 0, at),
                        new Delivery("e" + i, "log", "whale_alert", "p" + i, at, 0, at)));
            }
            assertThat(outbox.due(T0.plusSeconds(10), Set.of("webhook"), 3)).extracting(Delivery::eventId).containsExactly("e1", "e2", "e3");
            assertThat(outbox.due(T0.plusSeconds(2), Set.of("webhook", "log"), 10)).hasSize(4);
            assertThat(outbox.due(T0.plusSeconds(10), Set.of(), 10)).isEmpty();
            assertThat(outbox.createdSince("whale_alert", T0.plusSeconds(4))).extracting(Delivery::eventId)
                    .containsExactlyInAnyOrder("e4", "e4", "e5", "e5");
            assertThat(outbox.createdSince("accuracy_alert", T0)).isEmpty();
        }
    }
}
