package io.whalewatch.adapter.simulator.server;

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
 * A Tyrus container that owns no HTTP server: it plugs into our Grizzly server through
 * {@code WebSocketAddOn}, so WebSocket, REST and admin share one port.
 */
final class SharedTyrusContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;
    private final WebSocketEngine forConnections;
    private final Map<String, Object> properties = new HashMap<>();
    private volatile String contextPath = "/";

    SharedTyrusContainer() {
        super((Set<Class<?>>) null);
        this.engine = TyrusWebSocketEngine.builder(this).build();
        this.forConnections = new ConnectionWriters(engine);
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    /** Tyrus' engine as the Grizzly add-on sees it: sessions can take their connection's Writer. */
    @Override
    public WebSocketEngine getWebSocketEngine() {
        return forConnections;
    }

    @Override
    public Map<String, Object> getProperties() {
        return properties;
    }

    /** Deploys the added endpoints; opens no socket. */
    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        this.contextPath = rootPath;
        super.start(rootPath, port);
    }
}
