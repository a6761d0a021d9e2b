package io.whalewatch.adapter.simulator.server;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes plain HTTP on the shared port: /api/* to REST (with injected failures), /sim/* to admin. */
final class HttpDispatcher extends HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDispatcher.class);
    private final RestRoutes rest;
    private final AdminRoutes admin;
    private final Faults faults;

    HttpDispatcher(RestRoutes rest, AdminRoutes admin, Faults faults) {
        this.rest = rest;
        this.admin = admin;
        this.faults = faults;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String path = request.getRequestURI();
        Method method = request.getMethod();
        Reply reply;
        try {
            reply = route(request, path, method);
        } catch (IllegalArgumentException e) {
            reply = Reply.text(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", method, path, e);
            reply = Reply.text(500, "Internal Server Error");
        }
        reply.writeTo(response);
    }

    private Reply route(Request request, String path, Method method) {
        if (path.startsWith("/sim/")) {
            return admin.handle(request, path, Method.POST.equals(method));
        }
        if (!path.startsWith("/api/")) {
            return Reply.text(404, "Not Found");
        }
        int failure = faults.takeRestError();
        if (failure != 0) {
            return Reply.failure(failure);
        }
        return Method.GET.equals(method) ? rest.get(path) : Reply.text(405, "Method Not Allowed");
    }
}
