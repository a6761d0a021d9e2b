package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An alert subscriber that counts whale alerts per transaction: the test's view of "detected so far"
 * while the detector still holds its database, and a check that no alert is sent twice.
 */
final class AlertCollector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, AtomicInteger> alerts = new ConcurrentHashMap<>();
    private final Session session;

    AlertCollector(int port, String token) throws Exception {
        session = ContainerProvider.getWebSocketContainer().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxTextMessageBufferSize(1 << 20);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) AlertCollector.this::onText);
            }
        }, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + port + "/"));
        session.getBasicRemote().sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
    }

    private void onText(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if ("whale_alert".equals(m.path("type").asText())) {
                alerts.computeIfAbsent(m.path("data").path("transaction_id").asText(), k -> new AtomicInteger()).incrementAndGet();
            }
        } catch (java.io.IOException e) {
            alerts.computeIfAbsent("unparseable", k -> new AtomicInteger()).incrementAndGet();
        }
    }

    boolean isOpen() {
        return session.isOpen();
    }

    /** Waits until every txid has been alerted; fails listing the missing ones. */
    void awaitAll(Collection<String> txids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!alerts.keySet().containsAll(txids)) {
            if (System.nanoTime() > deadline) {
                List<String> missing = txids.stream().filter(t -> !alerts.containsKey(t)).toList();
                throw new AssertionError(missing.size() + " of " + txids.size() + " whales never alerted within "
                        + timeout + ", e.g. " + missing.subList(0, Math.min(3, missing.size())));
            }
            Thread.sleep(50);
        }
    }

    Map<String, Integer> counts() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        alerts.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
