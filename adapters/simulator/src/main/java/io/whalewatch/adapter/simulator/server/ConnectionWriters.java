package io.whalewatch.adapter.simulator.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Wraps Tyrus' engine so that each new session can take its connection's {@link Writer}, through
 * which replay mode writes the recorded frames as ready-made WebSocket frames (see
 * {@link ReplayFrame}) instead of decoding them to a String for Tyrus to encode and frame again.
 *
 * <p>Only Tyrus' container SPI is used. Relied on (Tyrus 2.2.2, the parent pom's version; the
 * replay tests count the fast path, so a change makes them fail rather than silently fall back):
 * {@code Endpoint.onOpen} runs on the thread that calls {@code UpgradeInfo.createConnection}, and
 * Tyrus writes each of its own frames (replies, close, pong) to that same Writer synchronously in
 * the sending thread, one whole frame per write, so whole frames written here keep their order
 * with Tyrus' and never interleave inside one.
 */
final class ConnectionWriters implements WebSocketEngine {
    private static final ThreadLocal<Writer> OPENING = new ThreadLocal<>();
    private final WebSocketEngine engine;

    ConnectionWriters(WebSocketEngine engine) {
        this.engine = engine;
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
