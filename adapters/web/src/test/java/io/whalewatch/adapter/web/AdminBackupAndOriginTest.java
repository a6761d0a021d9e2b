package io.whalewatch.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.adapter.web.support.FakeHealth;
import io.whalewatch.adapter.web.support.FakeStore;
import io.whalewatch.application.port.in.BackupDatabaseUseCase;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.DatabaseBackup.BackupReport;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.application.spi.AccessTokensProvider;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.application.spi.SignalPublisherProvider;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/admin/backup} needs an admin token; browser Origins are checked at the WebSocket upgrade. */
class AdminBackupAndOriginTest {
    private static final String SECRET = "test-secret-0123456789abcdef0123456789abcdef";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Path> backups = new ArrayList<>();
    @TempDir
    Path dir;
    private SignalPublisher publisher;
    private AccessTokens tokens;
    private int wsPort;
    private int apiPort;

    private void start(Map<String, String> extra) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("JWT_SECRET_KEY", SECRET, "BROADCASTER_HOST", "127.0.0.1",
                "BROADCASTER_PORT", "0", "API_HOST", "127.0.0.1", "API_PORT", "0", "WEB_PORTS_FILE", dir.resolve("ports.json").toString()));
        config.putAll(extra);
        AdapterConfig cfg = AdapterConfig.of(config);
        tokens = ServiceLoader.load(AccessTokensProvider.class).findFirst().orElseThrow()
                .create(new AdapterContext(cfg, Clock.systemUTC(), Ports.none()));
        BackupDatabaseUseCase backup = target -> {
            if (target.endsWith("exists.db")) {
                throw new StoreException("The backup file " + target + " already exists; choose a new name");
            }
            backups.add(target);
            return new BackupReport(target, 1234, Map.of("mempool_predictions", 7L));
        };
        Ports ports = Ports.none().with(AccessTokens.class, tokens).with(GetHealthUseCase.class, new FakeHealth())
                .with(ListPredictionsUseCase.class, new FakeStore()).with(BackupDatabaseUseCase.class, backup);
        publisher = ServiceLoader.load(SignalPublisherProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("websocket")).findFirst().orElseThrow()
                .create(new AdapterContext(cfg, Clock.systemUTC(), ports));
        String json = Files.readString(dir.resolve("ports.json"));
        wsPort = Integer.parseInt(json.replaceAll(".*\"broadcaster_port\"\\s*:\\s*(\\d+).*", "$1").trim());
        apiPort = Integer.parseInt(json.replaceAll(".*\"api_port\"\\s*:\\s*(\\d+).*", "$1").trim());
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/admin/backup"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(Permission... p) {
        return tokens.issue("c", Set.of(p), Duration.ofMinutes(5));
    }

    @Test
    void onlyAnAdminTokenMayBackUpTheDatabase() throws Exception {
        start(Map.of());
        String body = "{\"path\":\"" + dir.resolve("b.db") + "\"}";
        assertThat(post(null, body).statusCode()).isEqualTo(401);
        assertThat(post("not.a.token", body).statusCode()).isEqualTo(401);
        assertThat(post(token(Permission.READ, Permission.WRITE), body).statusCode()).isEqualTo(403);
        assertThat(backups).isEmpty();
        HttpResponse<String> ok = post(token(Permission.ADMIN), body);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"bytes\":1234").contains("\"mempool_predictions\":7");
        assertThat(backups).containsExactly(dir.resolve("b.db"));
        assertThat(post(token(Permission.ADMIN), "{\"path\":\"relative.db\"}").statusCode()).isEqualTo(400);
        assertThat(post(token(Permission.ADMIN), "{\"path\":\"/tmp/exists.db\"}").body()).contains("already exists");
    }

    @Test
    void browserOriginsOfOtherSitesAreRefusedAtTheUpgrade() throws Exception {
        start(Map.of());
        assertThat(upgrade("http://evil.example")).contains(" 403");
        assertThat(upgrade("http://127.0.0.1:" + apiPort)).contains(" 101");
        assertThat(upgrade(null)).as("non-browser clients send no Origin").contains(" 101");
    }

    @Test
    void anAllowListReplacesTheSameHostDefault() throws Exception {
        start(Map.of("WS_ALLOWED_ORIGINS", "https://dash.example.com, https://ops.example.com/"));
        assertThat(upgrade("https://dash.example.com")).contains(" 101");
        assertThat(upgrade("https://ops.example.com")).contains(" 101");
        assertThat(upgrade("http://127.0.0.1:" + apiPort)).contains(" 403");
    }

    @Test
    void upgradesBeyondTheConnectionCapAreRefused503AndCountedUntilOneCloses() throws Exception {
        start(Map.of("WS_MAX_CONNECTIONS", "2"));
        try (Socket first = openUpgrade(); Socket second = openUpgrade()) {
            // the 101 can reach the client before the server has registered the session: wait for both
            long opened = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (metric("whalewatch_websocket_clients") < 2 && System.nanoTime() < opened) {
                Thread.sleep(20);
            }
            assertThat(upgrade(null)).contains(" 503");
            assertThat(upgrade(null)).contains(" 503");
            assertThat(metric("whalewatch_websocket_connections_refused_total")).isEqualTo(2.0);
            first.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String status = upgrade(null);
            while (!status.contains(" 101") && System.nanoTime() < deadline) {
                Thread.sleep(50); // the server notices the closed socket asynchronously
                status = upgrade(null);
            }
            assertThat(status).as("room again once a connection closed").contains(" 101");
        }
    }

    /** A raw upgrade kept open (the caller closes it), after checking it was accepted. */
    private Socket openUpgrade() throws Exception {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", wsPort), 5000);
        s.setSoTimeout(10_000);
        String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + wsPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: d2hhbGV3YXRjaC10ZXN0IQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = s.getInputStream().read()) >= 0 && b != '\n') {
            line.append((char) b);
        }
        assertThat(line.toString()).contains(" 101");
        return s;
    }

    private double metric(String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The status line of a raw upgrade with this Origin (none when null). */
    private String upgrade(String origin) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", wsPort), 5000);
            s.setSoTimeout(10_000);
            String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + wsPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: d2hhbGV3YXRjaC10ZXN0IQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            return line.toString().trim();
        }
    }
}
