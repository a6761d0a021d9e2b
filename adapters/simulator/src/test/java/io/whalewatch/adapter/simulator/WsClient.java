package io.whalewatch.adapter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/** A real Tyrus WebSocket client for the tests: collects raw text frames and the close reason. */
final class WsClient implements AutoCloseable {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final ClientManager manager = ClientManager.createClient();
    private final Session session;

    WsClient(URI uri) throws Exception {
        manager.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, 256 * 1024 * 1024);
        session = manager.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxTextMessageBufferSize(256 * 1024 * 1024);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) frames::add);
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }

            @Override
            public void onError(Session s, Throwable thr) {
                closed.complete(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, thr.toString()));
            }
        }, ClientEndpointConfig.Builder.create().build(), uri);
    }

    void send(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    /**
     * Sends a message the server is expected to answer by closing the connection. The server's close can win the
     * race against the client's own send (Tyrus then rejects the send, e.g. with a RejectedExecutionException from
     * its terminated idle-timer executor), so a failure here is tolerated; the test asserts the close reason instead.
     *
     * @return whether the send completed
     */
    boolean sendExpectingClose(String text) {
        try {
            session.getBasicRemote().sendText(text);
            return true;
        } catch (Exception raceWithServerClose) {
            return false;
        }
    }

    /** The next raw frame, failing after the timeout. */
    String next(Duration timeout) throws InterruptedException {
        String f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (f == null) {
            throw new AssertionError("no frame within " + timeout);
        }
        return f;
    }

    /** The next frame (parsed) that satisfies {@code test}, skipping others. */
    JsonNode await(Predicate<JsonNode> test, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String f = frames.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (f == null) {
                break;
            }
            JsonNode n = MAPPER.readTree(f);
            if (test.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no matching frame within " + timeout);
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
        manager.shutdown();
    }
}
