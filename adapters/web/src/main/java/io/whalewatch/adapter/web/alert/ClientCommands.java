package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import java.time.Clock;
import java.util.Comparator;

/** What an authenticated client may ask: ping, subscribe (write), stats (admin). */
final class ClientCommands {
    private final AlertHub hub;
    private final Replayer replayer;
    private final Clock clock;

    ClientCommands(AlertHub hub, Replayer replayer, Clock clock) {
        this.hub = hub;
        this.replayer = replayer;
        this.clock = clock;
    }

    void handle(ClientSession s, ClientPrincipal p, String type, JsonNode msg) {
        switch (type) {
            case "ping" -> send(s, AlertJson.pong(clock.instant()));
            case "subscribe" -> subscribe(s, p, msg);
            case "stats" -> stats(s, p);
            case "auth" -> error(s, "already authenticated");
            default -> error(s, "unknown message type: " + (type.length() > 40 ? type.substring(0, 40) + "..." : type));
        }
    }

    String welcome(ClientPrincipal p) {
        ObjectNode msg = AlertJson.MAPPER.createObjectNode();
        msg.put("type", "welcome");
        msg.put("client_id", p.clientId());
        AlertJson.strings(msg.putArray("permissions"), p.permissions().stream()
                .sorted(Comparator.naturalOrder()).map(Permission::wireName).toList());
        msg.put("server_time", AlertJson.iso(clock.instant()));
        msg.put("server_version", hub.serverVersion());
        msg.put("authenticated", true);
        msg.put("expires_at", AlertJson.iso(p.expiresAt()));
        return AlertJson.write(msg);
    }

    private void subscribe(ClientSession s, ClientPrincipal p, JsonNode msg) {
        if (!p.has(Permission.WRITE)) {
            error(s, "insufficient permissions: subscribe needs write");
            return;
        }
        AlertFilter filter;
        Long resume;
        try {
            filter = FilterParser.parse(msg.get("filters"));
            resume = ResumeFrom.field(msg);
        } catch (IllegalArgumentException e) {
            error(s, e.getMessage());
            return;
        }
        boolean replay = resume != null && p.has(Permission.READ);
        if (replay && !s.beginReplay()) {
            error(s, "a resume is already running");
            return;
        }
        s.filter(filter);
        send(s, subscribed(filter, resume));
        if (replay) {
            replay(s, resume);
        }
    }

    private static String subscribed(AlertFilter filter, Long resume) {
        ObjectNode echo = AlertJson.MAPPER.createObjectNode();
        echo.put("type", "subscribed");
        echo.set("filters", filter.toJson());
        if (resume != null) {
            echo.put("resume_from", resume);
        }
        return AlertJson.write(echo);
    }

    private void stats(ClientSession s, ClientPrincipal p) {
        if (!p.has(Permission.ADMIN)) {
            error(s, "insufficient permissions: stats needs admin");
            return;
        }
        AlertHub.Stats st = hub.stats();
        ObjectNode data = AlertJson.MAPPER.createObjectNode();
        data.put("connections", st.connections());
        data.put("authenticated", st.authenticated());
        data.put("alerts_sent", st.alertsSent());
        data.put("dropped", st.slowConsumersDropped());
        data.put("auth_failures", st.authFailures());
        send(s, AlertJson.envelope("stats", data, clock.instant()));
    }

    void replay(ClientSession s, long afterAlertId) {
        replayer.start(s, afterAlertId);
    }

    void error(ClientSession s, String message) {
        send(s, AlertJson.error(message));
    }

    private void send(ClientSession s, String json) {
        if (!s.outbox().offer(json)) {
            hub.dropSlow(s);
        }
    }
}
