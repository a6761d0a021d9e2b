package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.spi.AdapterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Validates the upstream URLs and derives the REST base from the WebSocket URL. */
final class UpstreamUrls {
    private static final String WS_SUFFIX = "/api/v1/ws";

    private UpstreamUrls() {
    }

    static URI webSocket(String value, String key) {
        URI uri = parse(value, key);
        String scheme = lower(uri.getScheme());
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new AdapterException(key + "=" + value + " must be a ws:// or wss:// URL");
        }
        return uri;
    }

    static URI rest(String value, String key) {
        URI uri = parse(stripTrailingSlash(value), key);
        String scheme = lower(uri.getScheme());
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new AdapterException(key + "=" + value + " must be an http:// or https:// URL");
        }
        return uri;
    }

    /**
     * ws→http, wss→https; {@code [/network]/api/v1/ws} becomes {@code [/network]/api} so that
     * testnet4 or signet stay on their network. Any other path (e.g. a self-hosted {@code /ws})
     * falls back to {@code /api} on the same host, where the backend also serves REST.
     */
    static URI deriveRest(URI ws) {
        String scheme = lower(ws.getScheme()).equals("wss") ? "https" : "http";
        String path = stripTrailingSlash(ws.getPath() == null ? "" : ws.getPath());
        String prefix = path.endsWith(WS_SUFFIX) ? path.substring(0, path.length() - WS_SUFFIX.length()) : "";
        try {
            return new URI(scheme, ws.getRawAuthority(), prefix + "/api", null, null);
        } catch (URISyntaxException e) {
            throw new AdapterException("cannot derive MEMPOOL_API_URL from MEMPOOL_WS_URL=" + ws, e);
        }
    }

    private static URI parse(String value, String key) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new AdapterException(key + "=" + value + " must be an absolute URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new AdapterException(key + "=" + value + " is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static String stripTrailingSlash(String s) {
        String t = s.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
