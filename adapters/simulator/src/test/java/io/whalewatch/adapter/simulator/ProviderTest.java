package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.application.spi.MempoolSimulatorProvider;
import io.whalewatch.application.spi.Ports;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderTest {
    @Test
    void providerIsFoundByServiceLoaderUnderItsName() {
        List<String> names = ServiceLoader.load(MempoolSimulatorProvider.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(names).contains("simulator");
    }

    @Test
    void createdSimulatorServesOnTheAdvertisedUrls() throws Exception {
        AdapterContext ctx = new AdapterContext(AdapterConfig.of(Map.of("SIM_SEED", "7")), Clock.systemUTC(),
                Ports.none());
        try (MempoolSimulator sim = new GeneratingMempoolSimulatorProvider().create(ctx)) {
            var ws = sim.start();
            assertThat(ws.toString()).matches("ws://127\\.0\\.0\\.1:\\d+/api/v1/ws");
            assertThat(sim.restBase().toString()).isEqualTo("http://127.0.0.1:" + ws.getPort() + "/api");
            assertThat(Sims.get(sim.restBase(), "/blocks/tip/height").body()).isEqualTo("900000");
        }
    }

    @Test
    void aTakenPortFailsWithTheSettingNames() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            AdapterContext ctx = new AdapterContext(AdapterConfig.of(Map.of("SIM_PORT",
                    Integer.toString(taken.getLocalPort()))), Clock.systemUTC(), Ports.none());
            try (MempoolSimulator sim = new GeneratingMempoolSimulatorProvider().create(ctx)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(sim::start)
                        .isInstanceOf(io.whalewatch.application.spi.AdapterException.class)
                        .hasMessageContaining("SIM_PORT=" + taken.getLocalPort());
            }
        }
    }

    @Test
    void whalesUseTheAddressBookSampleWhenOneIsAvailable() throws Exception {
        AddressBook book = new AddressBook() {
            @Override
            public Optional<String> exchangeOf(String address) {
                return Optional.empty();
            }

            @Override
            public int size() {
                return 2;
            }

            @Override
            public List<LabelledAddress> sample(int max) {
                return List.of(new LabelledAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "Test Exchange"),
                        new LabelledAddress("not-an-address", "Broken"));
            }

            @Override
            public void reload() {
            }
        };
        AdapterContext ctx = new AdapterContext(AdapterConfig.of(Map.of("SIM_SEED", "7")), Clock.systemUTC(),
                Ports.none().with(AddressBook.class, book));
        try (MempoolSimulator sim = new GeneratingMempoolSimulatorProvider().create(ctx)) {
            var ws = sim.start();
            String exchanges = Sims.get(Sims.root(ws), "/sim/exchanges").body();
            assertThat(exchanges).isEqualTo(
                    "[{\"address\":\"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\",\"exchange\":\"Test Exchange\"}]");
        }
    }
}
