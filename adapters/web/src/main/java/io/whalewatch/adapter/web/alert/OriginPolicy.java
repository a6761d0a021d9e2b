package io.whalewatch.adapter.web.alert;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser pages may open the alert WebSocket (cross-site WebSocket hijacking: a page on
 * another site could otherwise use a victim's token in its URL). Browsers always send
 * {@code Origin}; clients without it (bots, scripts) are not browsers and pass. Setting
 * {@code WS_ALLOWED_ORIGINS}: unset = same host as the request's {@code Host} (the dashboard on the
 * API port, any port); {@code *} = any; else a comma-separated list of exact origins
 * ({@code https://dash.example.com}), which replaces the same-host default.
 */
public final class OriginPolicy {
    private final boolean any;
    private final Set<String> allowed;

    private OriginPolicy(boolean any, Set<String> allowed) {
        this.any = any;
        this.allowed = allowed;
    }

    public static OriginPolicy parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return new OriginPolicy(false, Set.of());
        }
        if (setting.trim().equals("*")) {
            return new OriginPolicy(true, Set.of());
        }
        return new OriginPolicy(false, Arrays.stream(setting.split(",")).map(OriginPolicy::normalise)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether an upgrade with this Origin (null when absent) and Host header may proceed. */
    public boolean allows(String origin, String host) {
        if (origin == null || any) {
            return true;
        }
        String o = normalise(origin);
        if (!allowed.isEmpty()) {
            return allowed.contains(o);
        }
        String originHost = hostOf(o);
        return originHost != null && host != null && originHost.equals(hostOnly(host.trim().toLowerCase(Locale.ROOT)));
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    private static String hostOf(String origin) {
        try {
            String h = URI.create(origin).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null; // "null" (sandboxed iframes, file:) and garbage are not the same host
        }
    }

    /** "example.com:8765" -> "example.com"; "[::1]:8765" -> "[::1]" (URI.getHost keeps IPv6 brackets too). */
    private static String hostOnly(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
}
