package io.whalewatch.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.adapter.web.jwt.JwtAccessTokensProvider;
import io.whalewatch.application.spi.AccessTokensProvider;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.AdapterProvider;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.application.spi.SignalPublisherProvider;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {
    @Test
    void bothProvidersAreFoundByServiceLoaderUnderTheirNames() {
        assertThat(ServiceLoader.load(AccessTokensProvider.class).stream().map(p -> p.get().name()))
                .containsExactly("jwt");
        assertThat(ServiceLoader.load(SignalPublisherProvider.class).stream().map(p -> p.get().name()))
                .containsExactly("websocket");
        assertThat(ServiceLoader.load(SignalPublisherProvider.class).findFirst().orElseThrow())
                .isInstanceOf(WebSignalPublisherProvider.class);
        assertThat(ServiceLoader.load(AccessTokensProvider.class).findFirst().orElseThrow())
                .isInstanceOf(JwtAccessTokensProvider.class);
    }

    @Test
    void missingPortsAndBadSettingsFailNamingWhatIsWrong() {
        AdapterProvider<?> web = new WebSignalPublisherProvider();
        AdapterContext noPorts = new AdapterContext(AdapterConfig.of(Map.of("BROADCASTER_PORT", "0", "API_PORT", "0")),
                Clock.systemUTC(), Ports.none());
        assertThatThrownBy(() -> web.create(noPorts)).isInstanceOf(AdapterException.class).hasMessageContaining("GetHealthUseCase");
        AdapterContext badPort = new AdapterContext(AdapterConfig.of(Map.of("BROADCASTER_PORT", "70000")),
                Clock.systemUTC(), Ports.none());
        assertThatThrownBy(() -> web.create(badPort)).isInstanceOf(AdapterException.class).hasMessageContaining("BROADCASTER_PORT");
    }
}
