package io.whalewatch.adapter.simulator.server;

import io.whalewatch.support.tyrus.SharedTyrusContainer;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/**
 * One Grizzly HTTP server on one port: the WebSocket at /api/v1/ws (and /ws), REST under /api and
 * the admin API under /sim.
 */
public final class SimServer implements AutoCloseable {
    public static final String WS_PATH = "/api/v1/ws";
    private final HttpServer http = new HttpServer();
    private final SharedTyrusContainer ws = new SharedTyrusContainer();
    private final NetworkListener listener;
    private final MempoolEndpoint endpoint;

    public SimServer(String host, int port, Hub hub, Faults faults, Limits limits, Supplier<Snapshot> snapshot,
                     TxIndex index, Control control) {
        listener = new NetworkListener("simulator", host, port);
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        ConnectionTracker tracker = new ConnectionTracker();
        listener.getTransport().getConnectionMonitoringConfig().addProbes(tracker);
        http.addListener(listener);
        endpoint = new MempoolEndpoint(hub, new Inbound(snapshot, faults, limits));
        AdminRoutes admin = new AdminRoutes(control, hub, faults, tracker);
        http.getServerConfiguration().addHttpHandler(new HttpDispatcher(new RestRoutes(snapshot, index), admin, faults),
                "/");
        listener.registerAddOn(new WebSocketAddOn(ws, "/"));
    }

    /** Binds and deploys the endpoint. */
    public void start() {
        try {
            ws.addEndpoint(config(WS_PATH));
            ws.addEndpoint(config("/ws"));
            http.start();
            ws.start("/", listener.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DeploymentException e) {
            throw new IllegalStateException("cannot deploy the WebSocket endpoint", e);
        }
    }

    public int port() {
        return listener.getPort();
    }

    private ServerEndpointConfig config(String path) {
        return ServerEndpointConfig.Builder.create(MempoolEndpoint.class, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }
                }).build();
    }

    @Override
    public void close() {
        ws.stop();
        http.shutdownNow();
    }
}
