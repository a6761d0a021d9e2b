package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.SourceUnavailableException;
import io.whalewatch.domain.chain.TxId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET {api}/tx/{txid}} (and {@code /v1/tx/{txid}/rbf}) with a timeout on every request. HTTP 429 is retried a limited
 * number of times, honouring {@code Retry-After} when present (mempool.space's nginx usually
 * sends none) and backing off exponentially otherwise. Network errors and 5xx are retried only
 * when the caller asks (background enrichment); a blocking look-up fails fast instead.
 */
final class MempoolRestClient implements AutoCloseable {
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private final URI api;
    private final Duration timeout;
    private final int retries;
    private final ExecutorService executor;
    private final HttpClient http;

    MempoolRestClient(MempoolSpaceSettings settings) {
        this.api = settings.apiUrl();
        this.timeout = settings.httpTimeout();
        this.retries = settings.httpRetries();
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named("mempool-space-http"));
        // HTTP/1.1: on plain http the JDK would otherwise attempt an h2c upgrade, which some
        // servers (Grizzly among them) answer slowly; the look-ups are few and small anyway.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).executor(executor).build();
    }

    /** {@code GET {api}/tx/{txid}}: a 200 or 404 response; anything else ends in {@link SourceUnavailableException}. */
    HttpResponse<String> transaction(TxId txid, boolean retryFailures) throws InterruptedException {
        return get("/tx/" + txid.value(), retryFailures);
    }

    /** {@code GET {api}/v1/tx/{txid}/rbf}: the transaction's replacement history (mempool.space backend). */
    HttpResponse<String> replacements(TxId txid) throws InterruptedException {
        return get("/v1/tx/" + txid.value() + "/rbf", false);
    }

    private HttpResponse<String> get(String path, boolean retryFailures) throws InterruptedException {
        URI uri = URI.create(api + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        for (int attempt = 0; ; attempt++) {
            boolean last = attempt >= retries;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (retryFailures && !last) {
                    Thread.sleep(backoff(attempt).toMillis());
                    continue;
                }
                throw new SourceUnavailableException("GET " + uri + " failed: " + e, e);
            }
            int status = response.statusCode();
            if (status == 200 || status == 404) {
                return response;
            }
            if (!last && (status == 429 || (status >= 500 && retryFailures))) {
                Thread.sleep(retryAfter(response).orElse(backoff(attempt)).toMillis());
                continue;
            }
            throw new SourceUnavailableException("GET " + uri + " answered HTTP " + status
                    + (status == 429 ? " (rate limited)" : ""));
        }
    }

    private static Duration backoff(int attempt) {
        long base = 500L << Math.min(attempt, 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** Retry-After as delta-seconds or an HTTP date, capped; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(MempoolRestClient::parseRetryAfter)
                .map(d -> d.isNegative() ? Duration.ZERO : d)
                .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    private static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
            } catch (java.time.format.DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
