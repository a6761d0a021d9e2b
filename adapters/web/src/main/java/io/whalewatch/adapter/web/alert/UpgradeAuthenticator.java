package io.whalewatch.adapter.web.alert;

import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.InvalidTokenException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * Authenticates the HTTP upgrade when it carries a token ({@code Authorization: Bearer} or
 * {@code ?access_token=}): an invalid one is answered {@code 401 Unauthorized} before the upgrade.
 * Without a token the upgrade proceeds and the client must send an auth message. A browser
 * {@code Origin} the {@link OriginPolicy} refuses is answered {@code 403 Forbidden}, and an upgrade
 * beyond the open-connection cap {@code 503 Service Unavailable}. Also hands out
 * the single endpoint instance, so Tyrus needs no reflective access to our classes.
 */
final class UpgradeAuthenticator extends ServerEndpointConfig.Configurator {
    static final String PRINCIPAL = "whalewatch.principal";
    static final String RESUME_FROM = "whalewatch.resume_from";
    private final AccessTokens tokens;
    private final AlertEndpoint endpoint;
    private final LongAdder authFailures;
    private final OriginPolicy origins;
    private final ConnectionLimit limit;

    /** The open-connection cap: refused upgrades are counted in {@code refused}. */
    record ConnectionLimit(int max, java.util.function.IntSupplier open, LongAdder refused) {
    }

    UpgradeAuthenticator(AccessTokens tokens, AlertEndpoint endpoint, LongAdder authFailures, OriginPolicy origins,
            ConnectionLimit limit) {
        this.limit = limit;
        this.origins = origins;
        this.tokens = tokens;
        this.endpoint = endpoint;
        this.authFailures = authFailures;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        // Tyrus hands each handshake its own copy of the user properties; they become the session's.
        Map<String, Object> props = sec.getUserProperties();
        props.remove(PRINCIPAL);
        props.remove(RESUME_FROM);
        if (!origins.allows(header(request.getHeaders(), "Origin"), header(request.getHeaders(), "Host"))) {
            throw reject(response, 403, "Forbidden", "origin not allowed (WS_ALLOWED_ORIGINS)");
        }
        if (limit.open().getAsInt() >= limit.max()) {
            limit.refused().increment();
            throw reject(response, 503, "Service Unavailable",
                    "too many connections: " + limit.max() + " open (WS_MAX_CONNECTIONS); try again later");
        }
        String resume = first(request.getParameterMap().get("resume_from"));
        if (resume != null) {
            try {
                props.put(RESUME_FROM, ResumeFrom.text(resume));
            } catch (IllegalArgumentException e) {
                throw reject(response, 400, "Bad Request", e.getMessage());
            }
        }
        String token = bearer(request.getHeaders());
        token = token != null ? token : first(request.getParameterMap().get("access_token"));
        if (token != null) {
            try {
                props.put(PRINCIPAL, tokens.verify(token));
            } catch (InvalidTokenException e) {
                authFailures.increment();
                throw reject(response, 401, "Unauthorized", e.getMessage());
            }
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoint);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String bearer(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) { // header names: any case
            if (e.getKey().equalsIgnoreCase("Authorization") && !e.getValue().isEmpty()) {
                String v = e.getValue().get(0);
                if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return v.substring(7).trim();
                }
            }
        }
        return null;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    /** Tyrus answers a HandshakeException with that HTTP status (a plain exception drops the TCP connection). */
    private static RuntimeException reject(HandshakeResponse response, int status, String phrase, String reason) {
        if (response instanceof UpgradeResponse r) {
            r.setReasonPhrase(phrase);
            if (status == 401) {
                r.getHeaders().put(UpgradeResponse.WWW_AUTHENTICATE, List.of("Bearer"));
            }
        }
        return UpgradeAuthenticator.<RuntimeException>sneaky(new HandshakeException(status, reason));
    }

    // modifyHandshake declares no checked exception, but Tyrus catches its checked HandshakeException.
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
