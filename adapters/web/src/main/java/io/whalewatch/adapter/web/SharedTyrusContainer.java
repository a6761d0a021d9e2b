package io.whalewatch.adapter.web;

import io.whalewatch.adapter.web.alert.FrameWriters;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * A Tyrus server container that owns no sockets: Tyrus' own Grizzly container always creates a
 * private HttpServer, but we plug the engine into our server through
 * {@link org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn} so that one Grizzly server
 * carries the alert WebSocket and the HTTP API.
 */
final class SharedTyrusContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;
    private final WebSocketEngine forConnections;
    private final Map<String, Object> properties = new HashMap<>();
    private volatile String contextPath = "/";

    SharedTyrusContainer(int maxMessageBytes) {
        super((Set<Class<?>>) null);
        // The engine's frame buffer must be well above the message limit: a message that fits the
        // buffer but exceeds the session's limit is refused with 1009 (too big); one that overflows
        // the buffer itself is refused with 1011. 1 MiB keeps the per-connection buffer small.
        int buffer = Math.max(1 << 20, 2 * maxMessageBytes);
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(buffer).build();
        this.forConnections = FrameWriters.capturing(engine);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    /** Tyrus' engine as the Grizzly add-on sees it: it lets alert sessions write pre-encoded frames. */
    @Override
    public WebSocketEngine getWebSocketEngine() {
        return forConnections;
    }

    @Override
    public Map<String, Object> getProperties() {
        return properties;
    }

    /** Deploys the endpoints added via addEndpoint(); opens no socket. */
    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        this.contextPath = rootPath;
        super.start(rootPath, port);
    }
}
