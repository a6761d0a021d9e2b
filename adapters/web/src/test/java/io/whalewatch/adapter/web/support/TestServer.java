package io.whalewatch.adapter.web.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.application.port.in.GetHealthUseCase;
import io.whalewatch.application.port.in.ListPredictionsUseCase;
import io.whalewatch.application.port.out.AccessTokens;
import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.port.out.SignalPublisher;
import io.whalewatch.application.spi.AccessTokensProvider;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterProvider;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.application.spi.SignalPublisherProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/** Both providers, found by ServiceLoader, started on free loopback ports. */
public final class TestServer implements AutoCloseable {
    public static final String SECRET = "test-secret-0123456789abcdef0123456789abcdef";
    public final FakeStore store = new FakeStore();
    public final FakeHealth health = new FakeHealth();
    public final AccessTokens tokens;
    public final SignalPublisher publisher;
    public final int wsPort;
    public final int apiPort;

    public TestServer(Path dir, Map<String, String> extra) throws Exception {
        this(dir, extra, p -> p);
    }

    /** With more ports (the REST API's use cases) added by {@code more}. */
    public TestServer(Path dir, Map<String, String> extra, java.util.function.UnaryOperator<Ports> more) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("JWT_SECRET_KEY", SECRET, "BROADCASTER_HOST", "127.0.0.1",
                "BROADCASTER_PORT", "0", "API_HOST", "127.0.0.1", "API_PORT", "0",
                "WEB_PORTS_FILE", dir.resolve("ports.json").toString()));
        config.putAll(extra);
        AdapterConfig cfg = AdapterConfig.of(config);
        tokens = find(AccessTokensProvider.class, "jwt").create(new AdapterContext(cfg, Clock.systemUTC(), Ports.none()));
        Ports ports = Ports.none().with(AccessTokens.class, tokens).with(GetHealthUseCase.class, health)
                .with(ListPredictionsUseCase.class, store);
        ports = more.apply(ports);
        publisher = find(SignalPublisherProvider.class, "websocket").create(new AdapterContext(cfg, Clock.systemUTC(), ports));
        JsonNode written = new ObjectMapper().readTree(Files.readString(dir.resolve("ports.json")));
        wsPort = written.get("broadcaster_port").asInt();
        apiPort = written.get("api_port").asInt();
    }

    static <P extends AdapterProvider<?>> P find(Class<P> type, String name) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    public String token(Permission... permissions) {
        return tokens.issue("client-" + permissions.length, Set.of(permissions), Duration.ofHours(1));
    }

    public URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + wsPort + pathAndQuery);
    }

    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + apiPort + path);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
