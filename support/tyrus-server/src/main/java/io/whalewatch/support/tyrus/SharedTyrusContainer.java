package io.whalewatch.support.tyrus;

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
 * private HttpServer, but an adapter plugs the engine into its own Grizzly server through
 * {@code org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn}, so that one server (one port)
 * carries the WebSockets and the HTTP endpoints. The engine it hands out lets sessions take their
 * connection's Writer ({@link ConnectionWriters}).
 */
public final class SharedTyrusContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;
    private final WebSocketEngine forConnections;
    private final Map<String, Object> properties = new HashMap<>();
    private volatile String contextPath = "/";

    /** With Tyrus' default incoming frame buffer. */
    public SharedTyrusContainer() {
        this(0);
    }

    /** @param incomingBufferSize the engine's per-connection frame buffer in bytes; 0 for Tyrus' default */
    public SharedTyrusContainer(int incomingBufferSize) {
        super((Set<Class<?>>) null);
        TyrusWebSocketEngine.TyrusWebSocketEngineBuilder builder = TyrusWebSocketEngine.builder(this);
        this.engine = (incomingBufferSize > 0 ? builder.incomingBufferSize(incomingBufferSize) : builder).build();
        this.forConnections = ConnectionWriters.capturing(engine);
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

    /** Deploys the endpoints added via addEndpoint(); opens no socket. */
    @Override
    public void start(String rootPath, int port) throws IOException, DeploymentException {
        this.contextPath = rootPath;
        super.start(rootPath, port);
    }
}
