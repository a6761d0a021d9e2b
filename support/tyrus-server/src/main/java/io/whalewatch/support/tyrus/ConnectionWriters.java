package io.whalewatch.support.tyrus;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Wraps Tyrus' engine so that each new session can take its connection's {@link Writer}: the web
 * adapter writes each alert, framed once, to every matching client through it (instead of Tyrus'
 * {@code sendText} encoding and framing the same alert again per client); the simulator's replay writes
 * its recorded frames as ready-made WebSocket frames.
 *
 * <p>Only Tyrus' container SPI ({@code org.glassfish.tyrus.spi}, the interface Tyrus' own Grizzly and
 * servlet containers are written against) is used, not Tyrus' internal classes. When the container
 * creates a connection after a successful upgrade, the Writer is remembered on the creating thread
 * while Tyrus opens the session, and the endpoint's {@code onOpen} takes it with {@link #opening()}.
 * Two behaviours of Tyrus 2.2.2 (the parent pom's version) are relied on, and the adapters' tests count
 * the fast paths, so a change makes them fail rather than silently fall back: {@code Endpoint.onOpen}
 * runs on the thread that calls {@code UpgradeInfo.createConnection}, and Tyrus writes each of its own
 * frames (replies, close, pong) to that same Writer, one whole frame per write, so whole frames written
 * by the adapter keep their order with Tyrus' and never interleave inside one. A session with a
 * negotiated extension (permessage-deflate would have to compress each frame) must not use the Writer.
 */
public final class ConnectionWriters implements WebSocketEngine {
    private static final ThreadLocal<Writer> OPENING = new ThreadLocal<>();
    private final WebSocketEngine engine;

    private ConnectionWriters(WebSocketEngine engine) {
        this.engine = engine;
    }

    /** The engine to give the container (e.g. Tyrus' Grizzly add-on) instead of {@code engine}. */
    public static WebSocketEngine capturing(WebSocketEngine engine) {
        return new ConnectionWriters(engine);
    }

    /** The Writer of the connection whose session is being opened on this thread, or null. */
    public static Writer opening() {
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
