package io.whalewatch.adapter.web.http;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** The catch-all: any path without a handler answers 404 {@code {"error":"not found"}}. */
public final class NotFoundHandler extends HttpHandler {
    @Override
    public void service(Request request, Response response) throws Exception {
        JsonResponses.send(response, 404, JsonResponses.error("not found"));
    }
}
