package io.whalewatch.adapter.web.api;

import io.whalewatch.adapter.web.api.Route.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;

/**
 * The REST API, {@code /metrics} and {@code /openapi.json}: builds the routes over the ports and mounts
 * the router on the server. {@link #close()} releases the metrics binders.
 */
public final class Api implements AutoCloseable {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final ApiSettings settings;
    private final WebMetrics metrics;
    private final ApiRouter router;

    public Api(ApiSettings settings, ApiPorts ports, Clock clock) {
        this.settings = settings;
        this.metrics = new WebMetrics(ports, clock);
        PredictionsResource predictions = new PredictionsResource(ports.predictions());
        StatsResource stats = new StatsResource(ports, clock);
        StatusResource status = new StatusResource(ports, settings.publicWsUrl());
        String openApi = openApiDocument();
        List<Route> routes = List.of(
                new Route("/api/predictions", Access.READ, predictions::list),
                new Route("/api/predictions/{id}", Access.READ, predictions::one),
                new Route("/api/stats/accuracy", Access.READ, stats::accuracy),
                new Route("/api/stats/flows", Access.READ, stats::flows),
                new Route("/api/stats/volume", Access.READ, stats::volume),
                new Route("/api/status", Access.READ, status::status),
                new Route("/api/config", Access.PUBLIC, status::config),
                new Route("/openapi.json", Access.PUBLIC, r -> ApiResponse.text(ApiResponse.JSON_TYPE, openApi)),
                new Route("/metrics", Access.MONITORING, r -> ApiResponse.text(PROMETHEUS_TEXT, metrics.scrape())));
        RateLimiter limiter = new RateLimiter(settings.ratePerMinute(), settings.burst(), System::nanoTime);
        this.router = new ApiRouter(routes, ports.tokens(), limiter, settings.maxBodyBytes(), new ApiMeters(metrics.registry()));
    }

    /** Registers the router for its paths and applies the request limits to the API listener. */
    public void mount(ServerConfiguration cfg, NetworkListener apiListener) {
        apiListener.setMaxHttpHeaderSize(settings.maxHeaderBytes());
        apiListener.setMaxRequestHeaders(100);
        apiListener.setMaxFormPostSize(settings.maxBodyBytes());
        apiListener.setMaxBufferedPostSize(settings.maxBodyBytes());
        cfg.addHttpHandler(router, "/api/*");
        // one handler instance per exact path: Grizzly keeps a single registration set per handler instance
        for (String exact : List.of("/metrics", "/openapi.json")) {
            cfg.addHttpHandler(new HttpHandler() {
                @Override
                public void service(Request request, Response response) throws Exception {
                    router.service(request, response);
                }
            }, exact);
        }
    }

    /** The patterns the router serves, e.g. {@code /api/predictions/{id}} (for the OpenAPI coverage test). */
    public List<String> routePatterns() {
        return router.routes().stream().map(Route::pattern).toList();
    }

    static String openApiDocument() {
        try (InputStream in = Api.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        metrics.close();
    }
}
