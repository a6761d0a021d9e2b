package io.whalewatch.adapter.mempoolspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.port.out.TransactionStatus;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.application.spi.MempoolSimulatorProvider;
import io.whalewatch.application.spi.Ports;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.fee.RecommendedFees;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The source against the project's simulator, found the way bootstrap finds it: ServiceLoader + name. */
class MempoolSpaceSourceSimulatorIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Satoshis WHALE = Satoshis.ofBtc(100);

    private static MempoolSimulator simulator(boolean prevoutNull) {
        MempoolSimulatorProvider provider = ServiceLoader.load(MempoolSimulatorProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("simulator")).findFirst().orElseThrow();
        AdapterConfig config = AdapterConfig.of(Map.of("SIM_PORT", "0", "SIM_SEED", "42", "SIM_TX_RATE", "40",
                "SIM_WHALE_SHARE", "0.25", "SIM_TICK_MILLIS", "200", "SIM_BLOCK_INTERVAL_SECONDS", "2",
                "SIM_PREVOUT_NULL", Boolean.toString(prevoutNull)));
        return provider.create(new AdapterContext(config, Clock.systemUTC(), Ports.none()));
    }

    private static boolean hasWhale(MempoolDelta d) {
        return d.added().stream().anyMatch(t -> t.totalOutput().isAtLeast(WHALE));
    }

    @Test
    void receivesWhalesBlocksAndFeesFromTheSimulator() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MempoolSimulator sim = simulator(false)) {
            URI ws = sim.start();
            try (MempoolSource source = Sources.create(ws, "MEMPOOL_API_URL", sim.restBase().toString())) {
                source.start(listener, WHALE);
                MempoolDelta delta = listener.await(MempoolDelta.class, MempoolSpaceSourceSimulatorIT::hasWhale, WAIT);
                listener.await(Block.class, b -> true, WAIT);
                listener.await(RecommendedFees.class, f -> true, WAIT);

                MempoolTransaction whale = delta.added().get(0);
                assertThat(whale.totalOutput()).isGreaterThanOrEqualTo(WHALE);
                assertThat(whale.prevoutsKnown()).isTrue();
                assertThat(source.lookUp(whale.txid())).isNotEqualTo(new TransactionStatus.NotFound());
                assertThat(source.lookUp(TxId.of(TxJson.txid(0xdead)))).isEqualTo(new TransactionStatus.NotFound());
                assertThat(source.status().framesRejected()).isZero();
                assertThat(source.status().transactionsSeen()).isGreaterThan(0);
                assertThat(listener.calledConcurrently).isFalse();
            }
        }
    }

    @Test
    void enrichesWhalesOfABitcoindModeSimulator() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MempoolSimulator sim = simulator(true)) {
            URI ws = sim.start();
            try (MempoolSource source = Sources.create(ws, "MEMPOOL_API_URL", sim.restBase().toString())) {
                source.start(listener, WHALE);
                MempoolDelta enriched = listener.await(MempoolDelta.class, d -> hasWhale(d) && d.addedCount() == 1, WAIT);

                assertThat(enriched.added().get(0).prevoutsKnown()).as("prevouts fetched over REST").isTrue();
                assertThat(source.status().gapsDetected()).isZero();
            }
        }
    }
}
