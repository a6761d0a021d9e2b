package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.application.port.out.AccessTokens.InvalidTokenException;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the alert protocol: authentication (first message or upgrade), expiry,
 * rate limit and the auth-only messages. Commands after authentication are in {@link ClientCommands}.
 */
final class ClientProtocol {
    static final CloseReason AUTH_REQUIRED = new CloseReason(CloseCodes.VIOLATED_POLICY, "authentication required");
    static final CloseReason EXPIRED = new CloseReason(CloseCodes.VIOLATED_POLICY, "token expired");
    static final CloseReason TOO_BIG = new CloseReason(CloseCodes.TOO_BIG, "message too big");
    static final CloseReason RATE = new CloseReason(CloseCodes.VIOLATED_POLICY, "rate limit exceeded");
    private final AlertHub hub;
    private final AlertOptions options;
    private final AccessTokens tokens;
    private final Clock clock;
    private final ClientCommands commands;

    ClientProtocol(AlertHub hub, AlertOptions options, AccessTokens tokens, Replayer replayer, Clock clock) {
        this.hub = hub;
        this.options = options;
        this.tokens = tokens;
        this.clock = clock;
        this.commands = new ClientCommands(hub, replayer, clock);
    }

    AccessTokens tokens() {
        return tokens;
    }

    void opened(ClientSession s, ClientPrincipal upgradePrincipal, Long resumeFrom) {
        hub.register(s);
        if (upgradePrincipal != null) {
            authenticated(s, upgradePrincipal, resumeFrom);
        } else {
            s.timer(hub.threads().timer().schedule(() -> authTimeout(s),
                    options.authTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    void onText(ClientSession s, String text) {
        if (tooBig(text)) {
            s.close(TOO_BIG);
            return;
        }
        if (!s.rate().allow(clock.millis())) {
            s.close(RATE);
            return;
        }
        JsonNode msg = parse(text);
        String type = msg != null && msg.path("type").isTextual() ? msg.get("type").asText() : null;
        ClientPrincipal p = s.principal();
        if (p == null) {
            if ("auth".equals(type)) {
                auth(s, msg);
            } else {
                refuse(s, msg == null ? "invalid JSON; first message must be authentication"
                        : "first message must be authentication");
            }
        } else if (!clock.instant().isBefore(p.expiresAt())) {
            expire(s);
        } else if (type == null) {
            commands.error(s, msg == null ? "invalid JSON" : "message must be a JSON object with a string field \"type\"");
        } else {
            commands.handle(s, p, type, msg);
        }
    }

    /** Tyrus does not enforce the session's text limit for whole messages, so we do. */
    private boolean tooBig(String text) {
        // UTF-8 takes 1..3 bytes per UTF-16 char: only encode when the cheap bound is inconclusive.
        return text.length() * 3L > options.maxMessageBytes()
                && text.getBytes(StandardCharsets.UTF_8).length > options.maxMessageBytes();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode n = AlertJson.MAPPER.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void auth(ClientSession s, JsonNode msg) {
        JsonNode token = msg.get("token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            refuse(s, "token required");
            return;
        }
        try {
            ClientPrincipal p = tokens.verify(token.asText());
            authenticated(s, p, ResumeFrom.field(msg));
        } catch (InvalidTokenException e) {
            hub.countAuthFailure();
            refuse(s, e.getMessage());
        } catch (IllegalArgumentException e) {
            refuse(s, e.getMessage());
        }
    }

    private void authenticated(ClientSession s, ClientPrincipal p, Long resumeFrom) {
        Duration left = Duration.between(clock.instant(), p.expiresAt());
        if (left.isNegative() || left.isZero()) {
            refuse(s, "token expired");
            return;
        }
        boolean replay = resumeFrom != null && p.has(Permission.READ) && s.beginReplay();
        if (!s.authenticate(p, commands.welcome(p))) {
            hub.dropSlow(s);
            return;
        }
        s.timer(hub.threads().timer().schedule(() -> expire(s), left.toMillis(), TimeUnit.MILLISECONDS));
        if (replay) {
            commands.replay(s, resumeFrom);
        }
    }

    private void authTimeout(ClientSession s) {
        if (s.principal() == null) {
            refuse(s, "authentication timeout");
        }
    }

    private void expire(ClientSession s) {
        s.outbox().offer(AlertJson.error("token expired"));
        s.closeAfterDrain(EXPIRED);
    }

    private void refuse(ClientSession s, String message) {
        s.outbox().offer(AlertJson.error(message));
        s.closeAfterDrain(AUTH_REQUIRED);
    }
}
