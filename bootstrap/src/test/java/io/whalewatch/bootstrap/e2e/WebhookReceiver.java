package io.whalewatch.bootstrap.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as an integration would write one: checks the HMAC-SHA256 signature of the
 * exact body (the operations guide's verify_webhook), records every delivery attempt, and answers
 * with a status the test chooses.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request: the event id header, whether the signature verified, and the status answered. */
    record Attempt(String eventId, boolean signatureValid, int status) {
    }

    private final HttpServer server;
    private final byte[] secret;
    private final List<Attempt> attempts = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int status = 200;

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
            int answer = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : status;
            synchronized (attempts) {
                attempts.add(new Attempt(exchange.getRequestHeaders().getFirst("X-Whalewatch-Event-Id"),
                        signature != null && signature.equals(hmacHex(body)), answer));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code n} requests get HTTP 500 (retryable). */
    void failNext(int n) {
        failNext.set(n);
    }

    /** The status for requests from now on (e.g. 503 while "down", then 200). */
    void answer(int httpStatus) {
        status = httpStatus;
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    private String hmacHex(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
