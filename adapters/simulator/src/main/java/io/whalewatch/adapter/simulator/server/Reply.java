package io.whalewatch.adapter.simulator.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.Response;

/** Writes an HTTP answer (status, content type, body) the way electrs and nginx do. */
record Reply(int status, String contentType, String body) {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain";

    static Reply json(String body) {
        return new Reply(200, JSON, body);
    }

    static Reply text(int status, String body) {
        return new Reply(status, TEXT, body);
    }

    /** An injected failure: nginx-style HTML for 429, plain text otherwise. */
    static Reply failure(int status) {
        return switch (status) {
            case 429 -> new Reply(429, "text/html", "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n"
                    + "<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n"
                    + "</body>\r\n</html>\r\n");
            case 404 -> text(404, "Not Found");
            case 503 -> text(503, "Service Unavailable");
            default -> text(status, "Internal Server Error");
        };
    }

    void writeTo(Response response) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("utf-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (status == 200 && JSON.equals(contentType)) {
            response.setHeader("Cache-Control", "public, max-age=10");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
