package io.whalewatch.adapter.mempoolspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.MempoolSourceProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration keys, defaults, URL derivation and discovery through the SPI. */
class SettingsTest {

    @ParameterizedTest
    @CsvSource({
        "ws://localhost:8999/api/v1/ws,              http://localhost:8999/api",
        "wss://mempool.space/api/v1/ws,              https://mempool.space/api",
        "wss://mempool.space/testnet4/api/v1/ws,     https://mempool.space/testnet4/api",
        "wss://mempool.space/signet/api/v1/ws/,      https://mempool.space/signet/api",
        "ws://127.0.0.1:8999/testnet/api/v1/ws,      http://127.0.0.1:8999/testnet/api",
        "ws://localhost:8999/ws/track-mempool-tx,    http://localhost:8999/api",
        "ws://node.local:8080/ws,                    http://node.local:8080/api",
    })
    void derivesTheRestBaseFromTheWebSocketUrl(String ws, String api) {
        MempoolSpaceSettings s = MempoolSpaceSettings.from(AdapterConfig.of(Map.of("MEMPOOL_WS_URL", ws)));
        assertThat(s.apiUrl()).isEqualTo(URI.create(api));
    }

    @Test
    void anExplicitRestBaseWins() {
        MempoolSpaceSettings s = MempoolSpaceSettings.from(AdapterConfig.of(Map.of(
                "MEMPOOL_WS_URL", "ws://localhost:8999/api/v1/ws", "MEMPOOL_API_URL", "http://localhost:3001/")));
        assertThat(s.apiUrl()).isEqualTo(URI.create("http://localhost:3001"));
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        MempoolSpaceSettings s = MempoolSpaceSettings.from(AdapterConfig.of(Map.of()));
        assertThat(s.wsUrl()).isEqualTo(URI.create("ws://localhost:8999/api/v1/ws"));
        assertThat(s.apiUrl()).isEqualTo(URI.create("http://localhost:8999/api"));
        assertThat(s.pingAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.pongTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.reconnectMin()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.reconnectMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.pingAfter().plus(s.pongTimeout()).plus(s.reconnectMin().multipliedBy(2)))
                .as("a stalled connection is replaced within a minute").isLessThan(Duration.ofSeconds(60));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.httpTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.httpRetries()).isEqualTo(3);
        assertThat(s.maxFrameBytes()).isEqualTo(64 * 1024 * 1024);
        assertThat(s.queueFrames()).isEqualTo(1);
        assertThat(s.enrichConcurrency()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({
        "MEMPOOL_WS_URL,              http://localhost:8999/api/v1/ws",
        "MEMPOOL_WS_URL,              not a url",
        "MEMPOOL_API_URL,             ftp://localhost/api",
        "MEMPOOL_PING_AFTER_SECONDS,  0",
        "MEMPOOL_RECONNECT_MIN_MS,    soon",
        "MEMPOOL_MAX_FRAME_MB,        0",
    })
    void invalidSettingsFailNamingTheKey(String key, String value) {
        assertThatThrownBy(() -> MempoolSpaceSettings.from(AdapterConfig.of(Map.of(key, value))))
                .isInstanceOf(AdapterException.class).hasMessageContaining(key);
    }

    @Test
    void reconnectMaxBelowMinIsRejected() {
        assertThatThrownBy(() -> MempoolSpaceSettings.from(AdapterConfig.of(Map.of(
                "MEMPOOL_RECONNECT_MIN_MS", "5000", "MEMPOOL_RECONNECT_MAX_MS", "1000"))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("MEMPOOL_RECONNECT_MAX_MS");
    }

    @Test
    void isDiscoveredThroughTheServiceLoaderByName() {
        assertThat(ServiceLoader.load(MempoolSourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("mempool-space")).toList())
                .singleElement().isInstanceOf(MempoolSpaceSourceProvider.class);
    }
}
