package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.support.tyrus.SharedTyrusContainer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * A scripted mempool.space upstream on one loopback port: the WebSocket at {@code /api/v1/ws}
 * (records what clients send, answers {@code ping} unless told to stay silent, sends what the
 * test says) and {@code GET /api/tx/:txid} answering scripted replies (404 by default).
 */
final class ScriptedUpstream implements AutoCloseable {
    /** One scripted HTTP answer. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(String body) {
            return new Reply(200, body, Map.of("Content-Type", "application/json"));
        }
    }

    private final HttpServer http = new HttpServer();
    private final NetworkListener listener;
    /** Our own Grizzly server carries the WebSocket (no second port), as in the web and simulator adapters. */
    private final SharedTyrusContainer ws = new SharedTyrusContainer();
    private final Set<Session> openSessions = ConcurrentHashMap.newKeySet();
    final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final Map<String, String> rbfReplies = new ConcurrentHashMap<>();
    volatile boolean answerPings = true;

    ScriptedUpstream(int port) {
        listener = new NetworkListener("scripted", "127.0.0.1", port);
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        http.addListener(listener);
        http.getServerConfiguration().addHttpHandler(new TxHandler(), "/api/tx/*");
        http.getServerConfiguration().addHttpHandler(new RbfHandler(), "/api/v1/tx/*");
        listener.registerAddOn(new WebSocketAddOn(ws, "/"));
    }

    static ScriptedUpstream start() throws IOException {
        return start(0);
    }

    static ScriptedUpstream start(int port) throws IOException {
        ScriptedUpstream u = new ScriptedUpstream(port);
        try {
            u.ws.register(ServerEndpointConfig.Builder.create(Upstream.class, "/api/v1/ws")
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> type) {
                            return type.cast(u.new Upstream());
                        }
                    }).build());
            u.http.start();
            u.ws.start("/", u.listener.getPort());
        } catch (DeploymentException e) {
            throw new IOException(e);
        }
        return u;
    }

    int port() {
        return listener.getPort();
    }

    URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port() + "/api/v1/ws");
    }

    /** Answers {@code GET /api/v1/tx/{txid}/rbf} with this body (404 when none is set). */
    void rbf(String txid, String body) {
        rbfReplies.put(txid, body);
    }

    /** Queues replies for {@code GET /api/tx/{txid}}, answered in order (the last one repeats). */
    void reply(String txid, Reply... answers) {
        replies.put(txid, new ArrayDeque<>(List.of(answers)));
    }

    /** Waits for the next client connection. */
    Session awaitSession(Duration timeout) throws InterruptedException {
        Session s = sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (s == null) {
            throw new AssertionError("no client connected within " + timeout);
        }
        return s;
    }

    /** Waits for the next message a client sent. */
    String awaitMessage(Duration timeout) throws InterruptedException {
        String m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no client message within " + timeout);
        }
        return m;
    }

    static void send(Session session, String text) throws IOException {
        session.getBasicRemote().sendText(text);
    }

    @Override
    public void close() {
        for (Session s : openSessions) {
            try {
                s.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "upstream stopped"));
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        }
        ws.stop();
        http.shutdownNow();
    }

    /** Kills the listener only (sessions die with it), like a crashed upstream. */
    void crash() {
        http.shutdownNow();
    }

    /** The server side of one client connection. */
    public final class Upstream extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxIdleTimeout(0);
            openSessions.add(session);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                received.add(text);
                if (answerPings && text.contains("\"ping\"")) {
                    session.getAsyncRemote().sendText("{\"pong\": true}");
                }
            });
            sessions.add(session);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            openSessions.remove(session);
        }
    }

    private final class TxHandler extends HttpHandler {
        @Override
        public void service(Request request, Response response) throws IOException {
            String uri = request.getRequestURI();
            requests.add(uri);
            String txid = uri.substring(uri.lastIndexOf('/') + 1);
            Deque<Reply> queue = replies.get(txid);
            Reply reply;
            synchronized (this) {
                reply = queue == null || queue.isEmpty() ? new Reply(404, "Transaction not found", Map.of())
                        : queue.size() > 1 ? queue.poll() : queue.peek();
            }
            response.setStatus(reply.status());
            reply.headers().forEach(response::setHeader);
            response.getWriter().write(reply.body());
        }
    }

    private final class RbfHandler extends HttpHandler {
        @Override
        public void service(Request request, Response response) throws IOException {
            String[] parts = request.getRequestURI().split("/");   // /api/v1/tx/{txid}/rbf
            String body = parts.length >= 6 ? rbfReplies.get(parts[4]) : null;
            response.setStatus(body == null ? 404 : 200);
            response.getWriter().write(body == null ? "Not Found" : body);
        }
    }
}
