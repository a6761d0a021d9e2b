package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed, durable webhook delivery end to end: {@code serve} sends whale alerts to a real local
 * receiver, which verifies every signature; failures are retried with backoff; events queued while
 * the receiver is down survive a restart of the service and are then accepted exactly once.
 */
class WebhookDeliveryIT {
    private static final String WEBHOOK_SECRET = "whsec-0123456789abcdef0123456789";

    @TempDir
    Path dir;

    @Test
    void signedDeliveriesAreRetriedAndQueuedEventsSurviveARestartExactlyOnce() throws Exception {
        int upstream = E2e.freePort();
        Path db = dir.resolve("hooks.db");
        try (WebhookReceiver receiver = new WebhookReceiver(WEBHOOK_SECRET);
                JarProcess sim = JarProcess.start(dir, Map.of("SIM_TX_RATE", "20", "SIM_WHALE_SHARE", "0.05",
                        "SIM_BLOCK_INTERVAL_SECONDS", "30"), "simulate", "--port", String.valueOf(upstream), "--seed", "9")) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            String token = token();
            Map<String, String> env = serveEnv(receiver, db);

            receiver.failNext(2);
            Set<String> queuedWhileDown = new LinkedHashSet<>();
            try (JarProcess serve = serve(env, "first.json", upstream)) {
                try (AlertClient client = AlertClient.connect(E2e.awaitPorts(dir.resolve("first.json"), serve)
                        .get("broadcaster_port").asInt(), token)) {
                    client.next("welcome", Duration.ofSeconds(15));
                    client.next("whale_alert", Duration.ofSeconds(40));
                    awaitAccepted(receiver, 1, Duration.ofSeconds(40));
                    receiver.answer(503); // the receiver goes down: new events stay queued
                    for (int i = 0; i < 3; i++) {
                        queuedWhileDown.add("whale:" + client.next("whale_alert", Duration.ofSeconds(40)).path("data").path("prediction_id").asText());
                    }
                }
                serve.stop();
                serve.awaitExit(Duration.ofSeconds(30));
            }
            // the first event failed twice; it may still be waiting for its next retry: it must arrive too
            String retried = receiver.attempts().get(0).eventId();
            Set<String> mustArrive = new LinkedHashSet<>(queuedWhileDown);
            mustArrive.add(retried);
            receiver.answer(200); // back up; the service restarts on the same database
            try (JarProcess serve = serve(env, "second.json", upstream)) {
                E2e.awaitPorts(dir.resolve("second.json"), serve);
                awaitAcceptedAll(receiver, mustArrive, Duration.ofSeconds(60));
                serve.stop();
                serve.awaitExit(Duration.ofSeconds(30));
            }
            List<WebhookReceiver.Attempt> attempts = receiver.attempts();
            assertThat(attempts).as("every delivery is signed over the exact body").allMatch(WebhookReceiver.Attempt::signatureValid);
            assertThat(attempts.subList(0, 2)).as("the first two attempts failed").allMatch(a -> a.status() == 500);
            assertThat(attempts.get(0).eventId()).isEqualTo(retried);
            assertThat(attempts).as("the failed event was retried until accepted")
                    .anyMatch(a -> a.eventId().equals(retried) && a.status() == 200);
            Map<String, Long> accepted = attempts.stream().filter(a -> a.status() == 200)
                    .collect(Collectors.groupingBy(WebhookReceiver.Attempt::eventId, Collectors.counting()));
            assertThat(accepted.values()).as("no event accepted twice").allMatch(n -> n == 1);
            assertThat(accepted.keySet()).containsAll(queuedWhileDown);
        }
    }

    private Map<String, String> serveEnv(WebhookReceiver receiver, Path db) {
        Map<String, String> env = new HashMap<>(Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "DB_PATH", db.toString(), "WEBHOOK_ENABLED", "true", "WEBHOOK_URL", receiver.url(),
                "WEBHOOK_SECRET", WEBHOOK_SECRET, "WEBHOOK_SEND_WHALE_ALERTS", "true"));
        env.put("WEBHOOK_RETRY_DELAY_SECONDS", "1");
        env.put("WEBHOOK_RETRY_MAX_ATTEMPTS", "20");
        return env;
    }

    private JarProcess serve(Map<String, String> env, String portsFile, int upstream) throws Exception {
        Map<String, String> e = new HashMap<>(env);
        e.put("WEB_PORTS_FILE", dir.resolve(portsFile).toString());
        return JarProcess.start(dir, e, "serve", "--mempool-url", "ws://127.0.0.1:" + upstream + "/api/v1/ws");
    }

    private static void awaitAccepted(WebhookReceiver receiver, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receiver.attempts().stream().filter(a -> a.status() == 200).count() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + n + " accepted deliveries: " + receiver.attempts());
            }
            Thread.sleep(100);
        }
    }

    private static void awaitAcceptedAll(WebhookReceiver receiver, Set<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> accepted = receiver.attempts().stream().filter(a -> a.status() == 200)
                    .map(WebhookReceiver.Attempt::eventId).collect(Collectors.toSet());
            if (accepted.containsAll(ids)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events queued before the restart not delivered: " + ids + " accepted " + accepted);
            }
            Thread.sleep(100);
        }
    }

    private String token() throws Exception {
        try (JarProcess cli = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), "token", "create", "hooks",
                "--permissions", "read")) {
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.describe()).isZero();
            return cli.stdout().trim();
        }
    }
}
