package io.whalewatch.adapter.web;

import io.whalewatch.adapter.web.alert.AlertHub;
import io.whalewatch.adapter.web.alert.AlertOptions;
import io.whalewatch.adapter.web.api.Api;
import io.whalewatch.adapter.web.api.ApiPorts;
import io.whalewatch.adapter.web.api.ApiSettings;
import io.whalewatch.application.MonitoringSettings;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.SignalPublisherProvider;

/**
 * Provides the alert WebSocket ("websocket"). {@link #create} binds and starts the alert WebSocket
 * ({@code BROADCASTER_HOST}:{@code BROADCASTER_PORT}, paths {@code /} and {@code /ws}) and the HTTP
 * API ({@code API_HOST}:{@code API_PORT}, {@code GET /health}) on one Grizzly server; the bound
 * ports are logged and, when {@code WEB_PORTS_FILE} is set, written there as JSON. Needs the ports
 * {@link GetHealthUseCase}, {@link AccessTokens} and {@link ListPredictionsUseCase}; the REST API, /metrics
 * and /openapi.json on the API listener use the optional ports listed in {@link ApiPorts}; with the optional
 * {@code BackupDatabaseUseCase} port it also serves {@code POST /api/admin/backup} (admin token).
 */
public final class WebSignalPublisherProvider implements SignalPublisherProvider {
    /** Public no-arg constructor for {@link java.util.ServiceLoader}; does no I/O. */
    public WebSignalPublisherProvider() {
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public SignalPublisher create(AdapterContext context) {
        WebSettings settings = WebSettings.from(context.config());
        GetHealthUseCase health = context.ports().require(GetHealthUseCase.class);
        AccessTokens tokens = context.ports().require(AccessTokens.class);
        ListPredictionsUseCase store = context.ports().require(ListPredictionsUseCase.class);
        AlertOptions options = new AlertOptions(settings.authTimeout(), settings.maxMessagesPerSecond(),
                settings.sendQueueMax(), settings.maxMessageBytes(), settings.replayPageSize(), ServerVersion.get());
        AlertHub hub = new AlertHub(options, tokens, store, context.clock());
        context.ports().find(io.whalewatch.application.port.in.QueryPredictionsUseCase.class).ifPresent(hub::replayOutcomesFrom);
        hub.allowOrigins(io.whalewatch.adapter.web.alert.OriginPolicy.parse(context.config().find("WS_ALLOWED_ORIGINS").orElse(null)));
        hub.limitConnections(settings.maxConnections());
        WebServer server = new WebServer(settings, hub, health, context.clock());
        context.ports().find(io.whalewatch.application.port.in.BackupDatabaseUseCase.class).ifPresent(backup ->
                server.addHandler(new io.whalewatch.adapter.web.http.AdminBackupHandler(backup, tokens), "/api/admin/backup"));
        try {
            ApiPorts apiPorts = ApiPorts.of(context.ports(), health, tokens,
                    MonitoringSettings.from(context.config()).thresholds(), hub::stats, server::broadcasterPort,
                    ServerVersion.get());
            server.mount(new Api(ApiSettings.from(context.config()), apiPorts, context.clock()));
            server.start();
            PortsFile.write(settings.portsFile(), server.broadcasterPort(), server.apiPort());
        } catch (RuntimeException e) {
            server.close();
            hub.close();
            throw e;
        }
        return new WebSignalPublisher(hub, server);
    }
}
