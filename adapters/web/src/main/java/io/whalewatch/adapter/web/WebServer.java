package io.whalewatch.adapter.web;

import io.whalewatch.adapter.web.alert.AlertHub;
import io.whalewatch.adapter.web.api.Api;
import io.whalewatch.adapter.web.http.HealthHandler;
import io.whalewatch.adapter.web.http.JsonErrorPages;
import io.whalewatch.adapter.web.http.NotFoundHandler;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.support.tyrus.SharedTyrusContainer;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Grizzly server with two listeners: the alert WebSocket (Tyrus add-on) and the HTTP API.
 * The HTTP handlers are shared by both listeners (a plain GET on the WebSocket port gets the same
 * JSON answers); the upgrade is only accepted on the WebSocket listener.
 */
final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private final HttpServer http = new HttpServer();
    private final SharedTyrusContainer tyrus;
    private final NetworkListener wsListener;
    private final NetworkListener apiListener;
    private final AlertHub hub;
    private final WebSettings settings;
    private Api api;

    WebServer(WebSettings settings, AlertHub hub, GetHealthUseCase health, Clock clock) {
        this.settings = settings;
        this.hub = hub;
        // The engine's frame buffer must be well above the message limit: a message that fits the
        // buffer but exceeds the session's limit is refused with 1009 (too big); one that overflows
        // the buffer itself is refused with 1011. 1 MiB keeps the per-connection buffer small.
        this.tyrus = new SharedTyrusContainer(Math.max(1 << 20, 2 * settings.maxMessageBytes()));
        wsListener = new NetworkListener("alerts", settings.broadcasterHost(), settings.broadcasterPort());
        wsListener.getKeepAlive().setIdleTimeoutInSeconds(-1); // as Tyrus does: never idle-close WebSockets
        wsListener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        wsListener.registerAddOn(new WebSocketAddOn(tyrus, "/"));
        http.addListener(wsListener);
        apiListener = settings.sharedListener() ? wsListener
                : new NetworkListener("api", settings.apiHost(), settings.apiPort());
        if (apiListener != wsListener) {
            http.addListener(apiListener);
        }
        configure(http.getServerConfiguration(), health, clock);
    }

    private static void configure(ServerConfiguration cfg, GetHealthUseCase health, Clock clock) {
        cfg.setHttpServerName("whalewatch");
        cfg.setHttpServerVersion("");
        cfg.setDefaultErrorPageGenerator(new JsonErrorPages());
        cfg.addHttpHandler(new HealthHandler(health), "/health");
        cfg.addHttpHandler(dashboard(), "/");
    }

    /**
     * The dashboard's static files from the class-path folder {@code static/} (not a valid package
     * name, so a named module does not encapsulate it). It is the catch-all: exact and prefix
     * mappings such as /health and /api/* win; any other missing path answers the JSON 404.
     */
    private static HttpHandler dashboard() {
        return new CLStaticHttpHandler(WebServer.class.getClassLoader(), "/static/") {
            @Override
            protected void onMissingResource(Request request, Response response) throws Exception {
                new NotFoundHandler().service(request, response);
            }
        };
    }

    /** Adds the REST API, /metrics and /openapi.json on the API listener; call before {@link #start()}. */
    void mount(Api restApi) {
        this.api = restApi;
        restApi.mount(http.getServerConfiguration(), apiListener);
    }

    /** Adds a handler (e.g. the admin backup endpoint) before {@link #start}; shared by both listeners like the others. */
    void addHandler(org.glassfish.grizzly.http.server.HttpHandler handler, String path) {
        http.getServerConfiguration().addHttpHandler(handler, path);
    }

    void start() {
        try {
            for (ServerEndpointConfig endpoint : hub.endpointConfigs("/", "/ws")) {
                tyrus.addEndpoint(endpoint);
            }
            http.start();
            tyrus.start("/", wsListener.getPort());
        } catch (IOException | DeploymentException e) {
            throw new AdapterException("could not start the web server on BROADCASTER_HOST:BROADCASTER_PORT="
                    + settings.broadcasterHost() + ":" + settings.broadcasterPort() + " and API_HOST:API_PORT="
                    + settings.apiHost() + ":" + settings.apiPort() + ": " + e.getMessage(), e);
        }
        LOG.info("alert WebSocket listening on ws://{}:{}/ (also /ws); HTTP API on http://{}:{}/health",
                settings.broadcasterHost(), broadcasterPort(), settings.apiHost(), apiPort());
    }

    int broadcasterPort() {
        return wsListener.getPort();
    }

    int apiPort() {
        return apiListener.getPort();
    }

    @Override
    public void close() {
        hub.closeAllClients();
        try {
            tyrus.stop();
        } catch (RuntimeException e) {
            LOG.debug("tyrus stop failed", e);
        }
        try {
            http.shutdown(2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("graceful HTTP shutdown did not finish", e);
            http.shutdownNow();
        }
        if (api != null) {
            api.close();
        }
    }
}
