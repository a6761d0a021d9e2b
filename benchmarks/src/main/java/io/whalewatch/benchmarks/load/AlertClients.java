package io.whalewatch.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many authenticated alert clients in this process, on the JDK's {@code java.net.http.WebSocket}
 * (one selector thread, a small bounded executor): each upgrade carries {@code Authorization:
 * Bearer}, a client counts as ready at its {@code welcome}. For every {@code whale_alert} the time
 * it was fully received (wall clock, microseconds, same clock as the simulator's send log) is
 * recorded per transaction: first and last receipt and how many clients got it.
 */
final class AlertClients implements AutoCloseable {
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "alert-clients");
        t.setDaemon(true);
        return t;
    });
    /**
     * By default the client's callbacks run on its selector thread (no hand-off per message: the
     * measuring side adds less of its own time); {@code -Dclients.executor=pool} hands them to the
     * two-thread pool as runs A-E did.
     */
    private final HttpClient http = HttpClient.newBuilder()
            .executor("pool".equals(System.getProperty("clients.executor")) ? executor : Runnable::run)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<String, Receipt> receipts = new ConcurrentHashMap<>();
    final AtomicInteger ready = new AtomicInteger();
    final LongAdder closedEarly = new LongAdder();
    final LongAdder alerts = new LongAdder();

    /** Per alert (by transaction id): receipts by all clients. */
    static final class Receipt {
        long firstMicros = Long.MAX_VALUE;
        long lastMicros;
        int clients;
        /** The alert's detection_timestamp (server clock, millisecond precision), in epoch micros. */
        volatile long detectedMicros = -1;

        synchronized void add(long micros) {
            firstMicros = Math.min(firstMicros, micros);
            lastMicros = Math.max(lastMicros, micros);
            clients++;
        }
    }

    /** Connects {@code n} clients, at most {@code parallel} handshakes at a time; returns how many are ready. */
    int connect(URI uri, String token, int n, int parallel, Duration timeout) throws InterruptedException {
        Semaphore inFlight = new Semaphore(parallel);
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            Listener listener = new Listener(inFlight);
            http.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, listener).whenComplete((ws, e) -> {
                        if (e != null) {
                            closedEarly.increment();
                            inFlight.release();
                        } else {
                            sockets.add(ws);
                        }
                    });
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ready.get() + closedEarly.intValue() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return ready.get();
    }

    /**
     * Runs this process's own alert handling on synthetic alerts until the JIT has compiled it, then
     * forgets them. Without it the first real alert is handled by interpreted code in every one of
     * the clients (10,000 x tens of microseconds), which the fan-out figures would charge to the server.
     */
    void warmUp(int rounds) {
        Listener listener = new Listener(new Semaphore(rounds));
        listener.welcomed = true;
        String prefix = "{\"type\":\"whale_alert\",\"data\":{\"alert_id\":1,\"transaction_id\":\"";
        String suffix = "\",\"detection_timestamp\":\"2026-11-22T18:00:00.123Z\",\"amount_btc\":150.5},"
                + "\"timestamp\":\"2026-11-22T18:00:00.124Z\"}";
        for (int i = 0; i < rounds; i++) {
            String txid = String.format("%064x", i % 64);
            listener.handle(prefix + txid + suffix, nowMicros());
        }
        for (int i = 0; i < 64; i++) {
            receipts.remove(String.format("%064x", i));
        }
        alerts.reset();
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private final class Listener implements WebSocket.Listener {
        private final Semaphore inFlight;
        private final StringBuilder partial = new StringBuilder();
        private boolean welcomed;

        Listener(Semaphore inFlight) {
            this.inFlight = inFlight;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long micros = last ? nowMicros() : 0;
            partial.append(data);
            if (last) {
                String msg = partial.toString();
                partial.setLength(0);
                handle(msg, micros);
            }
            ws.request(1);
            return null;
        }

        private void handle(String msg, long micros) {
            if (!welcomed && msg.contains("\"type\":\"welcome\"")) {
                welcomed = true;
                ready.incrementAndGet();
                inFlight.release();
            } else if (msg.contains("\"type\":\"whale_alert\"")) {
                int i = msg.indexOf("\"transaction_id\":\"");
                if (i >= 0) {
                    String txid = msg.substring(i + 18, i + 18 + 64);
                    Receipt r = receipts.computeIfAbsent(txid, k -> new Receipt());
                    r.add(micros);
                    if (r.detectedMicros < 0) {
                        r.detectedMicros = detected(msg);
                    }
                    alerts.increment();
                }
            }
        }

        private long detected(String msg) {
            int i = msg.indexOf("\"detection_timestamp\":\"");
            if (i < 0) {
                return -1;
            }
            int start = i + 23;
            Instant t = Instant.parse(msg.substring(start, msg.indexOf('"', start)));
            return ChronoUnit.MICROS.between(Instant.EPOCH, t);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (!welcomed) {
                closedEarly.increment();
                inFlight.release();
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!welcomed) {
                closedEarly.increment();
                inFlight.release();
            }
        }
    }

    @Override
    public void close() {
        List<CompletableFuture<WebSocket>> closing = new ArrayList<>();
        synchronized (sockets) {
            for (WebSocket ws : sockets) {
                closing.add(ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> ws));
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing is best effort; the process ends anyway
        }
        sockets.forEach(WebSocket::abort);
        executor.shutdownNow();
    }
}
