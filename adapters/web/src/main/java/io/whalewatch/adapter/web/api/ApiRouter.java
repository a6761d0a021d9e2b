package io.whalewatch.adapter.web.api;

import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.application.port.out.AccessTokens.InvalidTokenException;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tiny router in front of the resources: finds the route (404/405), refuses bodies (413), checks
 * the bearer token, rate-limits (429 + Retry-After) and authorises (401/403), then maps failures to
 * JSON errors: a refused request to its status, a store failure to 503, anything else to 500 (logged,
 * never shown). The rate limit comes before authorisation so that guessing tokens is limited too.
 */
final class ApiRouter extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private final List<Route> routes;
    private final AccessTokens tokens;
    private final RateLimiter limiter;
    private final int maxBodyBytes;
    private final ApiMeters meters;

    ApiRouter(List<Route> routes, AccessTokens tokens, RateLimiter limiter, int maxBodyBytes, ApiMeters meters) {
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.limiter = limiter;
        this.maxBodyBytes = maxBodyBytes;
        this.meters = meters;
    }

    List<Route> routes() {
        return routes;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        ApiResponse answer;
        try {
            answer = answer(request);
        } catch (ApiException e) {
            answer = ApiResponse.error(e.status(), e.getMessage());
        } catch (StoreException e) {
            LOG.warn("API request {} failed: {}", request.getRequestURI(), e.getMessage());
            answer = ApiResponse.error(503, "the database is not available");
        } catch (RuntimeException e) {
            LOG.error("API request {} failed", request.getRequestURI(), e);
            answer = ApiResponse.error(500, "internal error");
        }
        meters.count(answer.status());
        write(response, answer, request.getMethod() == Method.HEAD);
    }

    private ApiResponse answer(Request request) {
        String path = decodedPath(request.getRequestURI());
        for (Route route : routes) {
            Optional<List<String>> variables = route.match(path);
            if (variables.isPresent()) {
                return call(route, variables.get(), request);
            }
        }
        throw ApiException.notFound("not found");
    }

    private ApiResponse call(Route route, List<String> variables, Request request) {
        if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
            return ApiResponse.error(405, "method not allowed").withHeader("Allow", "GET, HEAD");
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return ApiResponse.error(413, "request body not accepted");
        }
        Optional<ClientPrincipal> principal = Optional.empty();
        String tokenError = null;
        String token = bearer(request.getHeader("Authorization"));
        if (token != null && route.access() == Route.Access.READ) {
            try {
                principal = Optional.of(tokens.verify(token));
            } catch (InvalidTokenException e) {
                tokenError = e.getMessage();
            }
        }
        if (route.access() != Route.Access.MONITORING) {
            String key = principal.map(p -> "client:" + p.clientId()).orElse("ip:" + request.getRemoteAddr());
            long wait = limiter.acquire(key);
            if (wait > 0) {
                meters.rateLimited();
                return ApiResponse.error(429, "rate limit exceeded; retry in " + wait + " s")
                        .withHeader("Retry-After", Long.toString(wait));
            }
        }
        if (route.access() == Route.Access.READ) {
            authorise(principal, token, tokenError);
        }
        ApiRequest api = new ApiRequest(variables, request.getParameterMap(), principal, request.getHeader("Host"));
        return route.handler().handle(api);
    }

    private static void authorise(Optional<ClientPrincipal> principal, String token, String tokenError) {
        if (token == null) {
            throw new ApiException(401, "a bearer token is required (Authorization: Bearer <jwt>)");
        }
        if (principal.isEmpty()) {
            throw new ApiException(401, "invalid token: " + tokenError);
        }
        if (!principal.get().has(Permission.READ)) {
            throw new ApiException(403, "the token lacks the read permission");
        }
    }

    /** The full decoded path (Grizzly's decoded URI is relative to an exact mapping's context path). */
    static String decodedPath(String raw) {
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("path", "malformed percent-encoding");
        }
    }

    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static void write(Response response, ApiResponse answer, boolean head) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (answer.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        try (OutputStream out = response.getOutputStream()) {
            if (!head) {
                out.write(answer.body());
            }
        }
    }
}
