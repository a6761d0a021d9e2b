package io.whalewatch.adapter.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;

/** A real Tyrus client that records every message and the close reason. */
public final class WsClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ClientManager CLIENTS = sharedClient();
    public final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    public final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Session session;

    /**
     * One Grizzly transport shared by every test connection: without it each connection starts and
     * tears down its own transport, and a callback landing after a teardown is rejected.
     */
    private static ClientManager sharedClient() {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(org.glassfish.tyrus.client.ClientProperties.SHARED_CONTAINER, true);
        return client;
    }

    private WsClient(URI uri, String bearer) throws Exception {
        ClientEndpointConfig.Builder b = ClientEndpointConfig.Builder.create();
        if (bearer != null) {
            b.configurator(new ClientEndpointConfig.Configurator() {
                @Override
                public void beforeRequest(Map<String, List<String>> headers) {
                    headers.put("Authorization", List.of("Bearer " + bearer));
                }
            });
        }
        session = CLIENTS.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxTextMessageBufferSize(1 << 20);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    try {
                        received.add(JSON.readTree(text));
                    } catch (Exception e) {
                        received.add(JSON.createObjectNode().put("type", "unparseable"));
                    }
                });
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed.complete(reason);
            }
        }, b.build(), uri);
    }

    public static WsClient connect(URI uri) throws Exception {
        return new WsClient(uri, null);
    }

    public static WsClient connectWithBearer(URI uri, String token) throws Exception {
        return new WsClient(uri, token);
    }

    public void send(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    public void send(Map<String, ?> message) throws Exception {
        send(JSON.writeValueAsString(message));
    }

    /**
     * The next message; fails after 15 s. Generous on purpose: the build runs on a 2-core machine
     * under load, and a passing test never waits this long.
     */
    public JsonNode next() throws InterruptedException {
        JsonNode n = received.poll(15, TimeUnit.SECONDS);
        assertThat(n).as("a message within 15 s").isNotNull();
        return n;
    }

    /** The next message, which must have this type. */
    public JsonNode next(String type) throws InterruptedException {
        JsonNode n = next();
        assertThat(n.path("type").asText()).as("message %s", n).isEqualTo(type);
        return n;
    }

    public CloseReason awaitClose(long seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
