package io.whalewatch.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.whalewatch.adapter.web.support.RawWsClient;
import io.whalewatch.adapter.web.support.TestServer;
import io.whalewatch.adapter.web.support.WsClient;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.application.port.out.PredictionQueries.StoredOutcome;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeAndBackpressureTest {
    @TempDir
    Path dir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Like the pipeline: persist first, then publish. */
    void alert(long id) {
        Prediction p = Predictions.inflow(id, 100 + id);
        server.store.add(p);
        server.publisher.publish(p);
    }

    static List<Long> alertIds(WsClient c, int count) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < count) {
            JsonNode n = c.received.poll(10, TimeUnit.SECONDS);
            assertThat(n).as("alert %d of %d", ids.size() + 1, count).isNotNull();
            if (n.get("type").asText().equals("whale_alert")) {
                ids.add(n.get("data").get("alert_id").asLong());
            }
        }
        return ids;
    }

    @Test
    void resumeAfterADisconnectReplaysWhatWasMissedWithNoGapAndNoDuplicate() throws Exception {
        server = new TestServer(dir, Map.of("WS_REPLAY_PAGE_SIZE", "7"));
        String token = server.token(Permission.READ, Permission.WRITE);
        try (WsClient first = WsClient.connect(server.ws("/"))) {
            first.send(Map.of("type", "auth", "token", token));
            first.next("welcome");
            LongStream.rangeClosed(1, 5).forEach(this::alert);
            assertThat(alertIds(first, 5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
        LongStream.rangeClosed(6, 40).forEach(this::alert); // missed while away

        Thread live = new Thread(() -> LongStream.rangeClosed(41, 400).forEach(this::alert));
        try (WsClient again = WsClient.connect(server.ws("/"))) {
            again.send(Map.of("type", "auth", "token", token, "resume_from", 5));
            live.start(); // live alerts race with the replay
            again.next("welcome");
            List<Long> ids = alertIds(again, 395);
            assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(6, 400).boxed().toList());
            live.join();
            assertThat(again.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
        assertThat(server.store.pagesRead.get()).isGreaterThan(5); // it really paged
    }

    @Test
    void aResumeReplaysEachMissedAlertFollowedByTheOutcomeDecidedWhileTheClientWasAway() throws Exception {
        Map<Long, StoredOutcome> decided = Map.of(
                3L, new StoredOutcome("confirmed", false, OptionalInt.of(890_002), OptionalInt.of(1), OptionalLong.of(600),
                        Optional.empty(), Optional.of(true), Optional.of(Instant.parse("2026-11-22T12:10:00Z"))),
                7L, new StoredOutcome("replaced", false, OptionalInt.empty(), OptionalInt.empty(), OptionalLong.empty(),
                        Optional.of(TxId.of("ab".repeat(32))), Optional.empty(), Optional.of(Instant.parse("2026-11-22T12:11:00Z"))));
        QueryPredictionsUseCase outcomes = new QueryPredictionsUseCase() {
            @Override
            public Page list(PredictionCriteria criteria) {
                List<StoredPrediction> newestFirst = server.store.list(new ListPredictionsUseCase.Query(0, 1_000)).stream()
                        .filter(p -> criteria.beforeAlertId() == 0 || p.alertId() < criteria.beforeAlertId())
                        .sorted(java.util.Comparator.comparingLong(Prediction::alertId).reversed()).limit(criteria.limit())
                        .map(p -> new StoredPrediction(p, decided.getOrDefault(p.alertId(), StoredOutcome.pending()))).toList();
                return new Page(newestFirst, OptionalLong.empty());
            }

            @Override
            public Optional<StoredPrediction> find(String predictionIdOrTxid) {
                return Optional.empty();
            }
        };
        server = new TestServer(dir, Map.of("WS_REPLAY_PAGE_SIZE", "4"), p -> p.with(QueryPredictionsUseCase.class, outcomes));
        LongStream.rangeClosed(1, 10).forEach(this::alert);
        try (WsClient c = WsClient.connectWithBearer(server.ws("/?resume_from=0"), server.token(Permission.READ))) {
            c.next("welcome");
            List<String> seen = new ArrayList<>();
            Map<Long, JsonNode> updates = new java.util.HashMap<>();
            while (seen.stream().filter(m -> m.startsWith("alert")).count() < 10) {
                JsonNode n = c.received.poll(10, TimeUnit.SECONDS);
                assertThat(n).as("after %s", seen).isNotNull();
                long id = n.path("data").path("alert_id").asLong();
                if (n.get("type").asText().equals("whale_alert")) {
                    seen.add("alert " + id);
                } else if (n.get("type").asText().equals("alert_update")) {
                    seen.add("update " + id);
                    updates.put(id, n.get("data"));
                }
            }
            assertThat(seen).containsExactly("alert 1", "alert 2", "alert 3", "update 3", "alert 4", "alert 5", "alert 6",
                    "alert 7", "update 7", "alert 8", "alert 9", "alert 10");
            assertThat(updates.get(3L).get("status").asText()).isEqualTo("confirmed");
            assertThat(updates.get(3L).get("confirmation_block").asInt()).isEqualTo(890_002);
            assertThat(updates.get(3L).get("blocks_off").asInt()).isEqualTo(1);
            assertThat(updates.get(3L).get("confirmed_at").asText()).isEqualTo("2026-11-22T12:10:00Z");
            assertThat(updates.get(7L).get("status").asText()).isEqualTo("replaced");
            assertThat(updates.get(7L).get("replaced_by").asText()).isEqualTo("ab".repeat(32));
            assertThat(c.received.poll(300, TimeUnit.MILLISECONDS)).as("nothing more").isNull();
        }
    }

    @Test
    void resumeFromSubscribeAppliesTheFilterToTheReplay() throws Exception {
        server = new TestServer(dir, Map.of());
        LongStream.rangeClosed(1, 10).forEach(this::alert);
        try (WsClient c = WsClient.connectWithBearer(server.ws("/"), server.token(Permission.READ, Permission.WRITE))) {
            c.next("welcome");
            c.send(Map.of("type", "subscribe", "filters", Map.of("min_btc", 105), "resume_from", 2));
            assertThat(c.next("subscribed").get("resume_from").asLong()).isEqualTo(2);
            assertThat(alertIds(c, 6)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
            alert(11);
            assertThat(alertIds(c, 1)).containsExactly(11L);
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedWhileAFastOneGetsEverything() throws Exception {
        server = new TestServer(dir, Map.of("WS_SEND_QUEUE_MAX", "64"));
        String token = server.token(Permission.READ);
        try (WsClient fast = WsClient.connectWithBearer(server.ws("/"), token);
             RawWsClient slow = new RawWsClient(server.wsPort, "/?access_token=" + token, 4096)) {
            fast.next("welcome");
            assertThat(slow.statusLine).startsWith("HTTP/1.1 101");
            long id = 0;
            List<Long> received = new ArrayList<>();
            while (!server.publisher.health().detail().contains("1 slow consumers dropped") && id < 40_000) {
                for (int i = 0; i < 32; i++) {
                    long started = System.nanoTime();
                    server.publisher.publish(Predictions.inflow(++id, 150));
                    assertThat(System.nanoTime() - started).as("publish must not block").isLessThan(TimeUnit.SECONDS.toNanos(1));
                }
                received.addAll(alertIds(fast, (int) (id - received.size())));
            }
            assertThat(server.publisher.health().detail()).contains("1 slow consumers dropped").contains("1 clients");
            assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(1, id).boxed().toList());
            System.out.printf("slow consumer dropped after %d alerts; fast client received all %d%n", id, received.size());
            assertThat(lastFrameOf(slow).closeCode()).isEqualTo(1013);
        }
    }

    /** Reads what the slow client was sent until the close frame. */
    private static RawWsClient.Frame lastFrameOf(RawWsClient slow) throws Exception {
        for (int i = 0; i < 1_000_000; i++) {
            RawWsClient.Frame f;
            try {
                f = slow.readFrame();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no close frame after " + i + " frames", e);
            }
            if (f.opcode() == 8) {
                return f;
            }
        }
        throw new AssertionError("no close frame");
    }
}
