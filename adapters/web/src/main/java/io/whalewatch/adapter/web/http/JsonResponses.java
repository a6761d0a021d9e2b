package io.whalewatch.adapter.web.http;

import java.io.IOException;
import java.io.Writer;
import org.glassfish.grizzly.http.server.Response;

/** Writes small JSON bodies; never exception text, which could leak internals. */
final class JsonResponses {
    private JsonResponses() {
    }

    static void send(Response response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer w = response.getWriter()) {
            w.write(json);
        }
    }

    static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
