package io.whalewatch.adapter.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.adapter.web.support.FakeApiPorts;
import io.whalewatch.adapter.web.support.TestServer;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token buckets per client over real HTTP, and the bucket arithmetic with a fake clock. */
class RateLimitTest {
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @TempDir
    Path dir;

    HttpResponse<String> get(TestServer server, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.api(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBurstFromOneClientIsRefusedWith429WhileAnotherIsServed() throws Exception {
        FakeApiPorts fake = new FakeApiPorts();
        try (TestServer server = new TestServer(dir, Map.of("API_RATE_LIMIT_PER_MINUTE", "6", "API_RATE_LIMIT_BURST", "5"),
                fake::addTo)) {
            String greedy = server.tokens.issue("greedy", Set.of(Permission.READ), Duration.ofHours(1));
            String polite = server.tokens.issue("polite", Set.of(Permission.READ), Duration.ofHours(1));
            for (int i = 0; i < 5; i++) {
                assertThat(get(server, "/api/stats/accuracy", greedy).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = get(server, "/api/stats/accuracy", greedy);
            assertThat(refused.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 10L);
            assertThat(refused.body()).contains("\"error\"").contains("rate limit");
            assertThat(get(server, "/api/stats/accuracy", polite).statusCode()).isEqualTo(200);
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(200); // monitoring is never limited
            for (int i = 0; i < 5; i++) { // unauthenticated requests share the remote address' bucket
                assertThat(get(server, "/api/config", null).statusCode()).isEqualTo(200);
            }
            assertThat(get(server, "/api/config", null).statusCode()).isEqualTo(429);
            assertThat(get(server, "/metrics", null).body()).contains("whalewatch_api_rate_limited_total 2.0");
        }
    }

    @Test
    void bucketsRefillAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(60, 2, now::get); // one token per second
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1);
        assertThat(limiter.acquire("b")).isZero();
        now.addAndGet(500_000_000L);
        assertThat(limiter.acquire("a")).isEqualTo(1);
        now.addAndGet(600_000_000L);
        assertThat(limiter.acquire("a")).isZero();
        now.addAndGet(60_000_000_000L);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isEqualTo(1); // never more than the burst
        RateLimiter slow = new RateLimiter(1, 1, now::get);
        assertThat(slow.acquire("c")).isZero();
        assertThat(slow.acquire("c")).isEqualTo(60);
    }
}
