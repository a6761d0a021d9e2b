package io.whalewatch.adapter.web.alert;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Hands each new alert session the connection's {@link Writer}, so that the outbox can write
 * pre-encoded frames to it instead of calling Tyrus' {@code sendText} per client.
 *
 * <p>Why: with 10,000 clients, {@code sendText} UTF-8-encoded and framed the same alert again for
 * every client and rescheduled the session's idle timer on every send (see BENCHMARKS.md,
 * fan-out). Tyrus' {@code broadcast} frames once but sends to every session of the endpoint,
 * ignoring our per-client filters, queues and resume ordering.
 *
 * <p>How: only Tyrus' container SPI ({@code org.glassfish.tyrus.spi}, the interface Tyrus' own
 * Grizzly and servlet containers are written against), not Tyrus' internal classes. This engine
 * wraps Tyrus' engine; when the container creates a connection after a successful upgrade, it
 * remembers the container's Writer on the creating thread while Tyrus opens the session, and
 * {@link AlertEndpoint#onOpen} takes it from there. Two behaviours of Tyrus 2.2.2 (the version in
 * the parent pom) are relied on, and a test fails if either changes (the fast path would then go
 * unused, not break): {@code Endpoint.onOpen} runs on the thread that calls
 * {@code UpgradeInfo.createConnection}, and Tyrus writes every frame of the session through that
 * same Writer, one whole frame per write, so our whole frames interleave safely with its control
 * frames (close, pong). A session without a captured Writer, or with a negotiated extension
 * (permessage-deflate would have to compress each frame), falls back to {@code sendText}.
 */
public final class FrameWriters implements WebSocketEngine {
    private static final ThreadLocal<Writer> OPENING = new ThreadLocal<>();
    private final WebSocketEngine engine;

    private FrameWriters(WebSocketEngine engine) {
        this.engine = engine;
    }

    /** The engine to give the container (e.g. Tyrus' Grizzly add-on) instead of {@code engine}. */
    public static WebSocketEngine capturing(WebSocketEngine engine) {
        return new FrameWriters(engine);
    }

    /** The Writer of the connection whose session is being opened on this thread, or null. */
    static Writer opening() {
        return OPENING.get();
    }

    @Override
    public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
        UpgradeInfo info = engine.upgrade(request, response);
        if (info.getStatus() != UpgradeStatus.SUCCESS) {
            return info;
        }
        return new UpgradeInfo() {
            @Override
            public UpgradeStatus getStatus() {
                return info.getStatus();
            }

            @Override
            public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                OPENING.set(writer);
                try {
                    return info.createConnection(writer, closeListener);
                } finally {
                    OPENING.remove();
                }
            }
        };
    }

    @Override
    public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig serverConfig, String contextPath) throws DeploymentException {
        engine.register(serverConfig, contextPath);
    }
}
