package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A subscriber of the alert WebSocket, as a dashboard or bot would be: real Tyrus client over loopback. */
final class AlertClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final Session session;

    private AlertClient(URI uri) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        session = container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    try {
                        messages.add(JSON.readTree(text));
                    } catch (Exception e) {
                        messages.add(JSON.createObjectNode().put("type", "unparseable").put("raw", text));
                    }
                });
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                messages.add(JSON.createObjectNode().put("type", "closed").put("code", reason.getCloseCode().getCode()));
            }
        }, ClientEndpointConfig.Builder.create().build(), uri);
    }

    /** Connects and authenticates with the first message, as the operations guide's client does. */
    static AlertClient connect(int port, String token) throws Exception {
        AlertClient client = new AlertClient(URI.create("ws://127.0.0.1:" + port + "/"));
        client.session.getBasicRemote().sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        return client;
    }

    /** Connects and authenticates asking for every alert after {@code resumeFrom} first (replayed from the store). */
    static AlertClient connect(int port, String token, long resumeFrom) throws Exception {
        AlertClient client = new AlertClient(URI.create("ws://127.0.0.1:" + port + "/"));
        client.session.getBasicRemote().sendText("{\"type\":\"auth\",\"token\":\"" + token + "\",\"resume_from\":" + resumeFrom + "}");
        return client;
    }

    /** The next message of any type, or null when none arrives within the timeout. */
    JsonNode poll(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Connects and authenticates asking to resume after {@code alertId} (replay, then the live stream). */
    static AlertClient connectResuming(int port, String token, long alertId) throws Exception {
        AlertClient client = new AlertClient(URI.create("ws://127.0.0.1:" + port + "/"));
        client.session.getBasicRemote().sendText("{\"type\":\"auth\",\"token\":\"" + token + "\",\"resume_from\":" + alertId + "}");
        return client;
    }

    /** The next message of the given type, skipping others; fails after the timeout. */
    JsonNode next(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no '" + type + "' message within " + timeout);
            }
            if (type.equals(m.path("type").asText())) {
                return m;
            }
            if ("closed".equals(m.path("type").asText())) {
                throw new AssertionError("connection closed (" + m.path("code") + ") while waiting for '" + type + "'");
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
