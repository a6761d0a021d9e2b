package io.whalewatch.adapter.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.GetHealthUseCase.HealthReport;
import io.whalewatch.application.port.out.ComponentHealth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: the operations guide's body ({@code status, database, uptime_seconds,
 * started_at, gaps_detected, missing_dates}) plus {@code components}. HTTP 200 while healthy or
 * degraded (the service still works), 503 when unhealthy so that load balancers and systemd
 * watchdogs react.
 */
public final class HealthHandler extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final GetHealthUseCase health;

    public HealthHandler(GetHealthUseCase health) {
        this.health = health;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            response.setHeader("Allow", "GET, HEAD");
            JsonResponses.send(response, 405, JsonResponses.error("method not allowed"));
            return;
        }
        String body;
        int status;
        try {
            HealthReport report = health.health();
            status = report.status() == GetHealthUseCase.Status.UNHEALTHY ? 503 : 200;
            body = JSON.writeValueAsString(body(report));
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            status = 503;
            body = "{\"status\":\"unhealthy\",\"error\":\"health check failed\"}";
        }
        JsonResponses.send(response, status, body);
    }

    /** The /health body as a tree (also embedded in /api/status). */
    public static ObjectNode body(HealthReport r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", r.status().wireName());
        body.put("database", r.database());
        body.put("uptime_seconds", r.uptimeSeconds());
        body.put("started_at", DateTimeFormatter.ISO_INSTANT.format(r.startedAt()));
        body.put("gaps_detected", r.gapsDetected());
        r.missingDates().forEach(body.putArray("missing_dates")::add);
        ObjectNode components = body.putObject("components");
        for (Map.Entry<String, ComponentHealth> e : new TreeMap<>(r.components()).entrySet()) {
            ObjectNode c = components.putObject(e.getKey());
            c.put("status", e.getValue().level().name().toLowerCase(Locale.ROOT));
            c.put("detail", e.getValue().detail());
        }
        return body;
    }
}
