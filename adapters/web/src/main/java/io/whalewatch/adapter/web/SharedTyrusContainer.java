package io.whalewatch.adapter.web;

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
    private final Map<String, Object> properties = new HashMap<>();
    private volatile String contextPath = "/";

    SharedTyrusContainer(int maxMessageBytes) {
        super((Set<Class<?>>) null);
        // Frames larger than this are refused by the engine with 1009 before they are buffered.
        this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(maxMessageBytes + 1024).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
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
