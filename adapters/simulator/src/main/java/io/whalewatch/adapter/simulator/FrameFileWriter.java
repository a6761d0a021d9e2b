package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.ExchangeWallets;
import io.whalewatch.adapter.simulator.chain.TrafficGenerator;
import io.whalewatch.adapter.simulator.chain.TrafficProfile;
import io.whalewatch.adapter.simulator.server.Faults;
import io.whalewatch.adapter.simulator.server.Hub;
import io.whalewatch.adapter.simulator.server.Limits;
import io.whalewatch.adapter.simulator.server.TxIndex;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes replay files offline (no socket, no timer) with the simulator's own engine, so the frames
 * have exactly the shape a subscribed client receives: a {@code SIM_RECORD_FILE} of frames and a
 * {@code SIM_GROUND_TRUTH_FILE} naming every whale with the sequence of its frame. Used by the
 * benchmarks; the settings are the simulator's SIM_* keys (SIM_RECORD_FILE and
 * SIM_GROUND_TRUTH_FILE are set here).
 */
public final class FrameFileWriter implements AutoCloseable {
    private final SimulationEngine engine;
    private final LineFile frames;
    private final GroundTruth truth;

    /** {@code book} (may be null) supplies the exchange addresses whales use, as in the running simulator. */
    public FrameFileWriter(Map<String, String> simSettings, AddressBook book, Path framesFile, Path truthFile) {
        Map<String, String> m = new HashMap<>(simSettings);
        m.put("SIM_RECORD_FILE", framesFile.toString());
        m.put("SIM_GROUND_TRUTH_FILE", truthFile.toString());
        SimulatorSettings settings = SimulatorSettings.from(AdapterConfig.of(m));
        ExchangeWallets wallets = book == null ? ExchangeWallets.synthetic() : ExchangeWallets.of(
                book.sample(GeneratingMempoolSimulatorProvider.SAMPLE).stream()
                        .map(a -> Map.entry(a.address(), a.exchange())).toList());
        Faults faults = new Faults();
        Hub hub = new Hub(faults, new Limits(settings.maxMessageBytes(), settings.maxMessagesPer10s(), 10_000,
                settings.sendBacklogBytes()));
        this.frames = LineFile.open(settings.recordFile(), "SIM_RECORD_FILE");
        this.truth = new GroundTruth(LineFile.open(settings.groundTruthFile(), "SIM_GROUND_TRUTH_FILE"));
        Publisher publisher = new Publisher(settings, hub, faults, frames);
        TrafficGenerator generator = new TrafficGenerator(new TrafficProfile(settings.txRate(), settings.whaleShare(),
                settings.feeLevel(), settings.evictionShare()), wallets);
        this.engine = new SimulationEngine(settings, Clock.systemUTC(), generator, publisher, new TxIndex(), truth);
    }

    /** One ordinary tick (arrivals at SIM_TX_RATE over SIM_TICK_MILLIS, evictions, replacements, blocks). */
    public void tick() {
        engine.tick();
    }

    /** One resync-style frame announcing {@code n} new transactions (whales at SIM_WHALE_SHARE); returns its size. */
    public long burstFrame(int n) {
        return engine.giant(n);
    }

    /** One frame announcing a single whale ("inflow", "outflow", "internal", "unknown" or null = random). */
    public void whaleFrame(String flow, double btc) {
        engine.whale(flow, btc);
    }

    /** A pause line: the replay stops there until the next {@code POST /sim/replay/start} (see {@code FrameReplayer}). */
    public void replayPause() {
        frames.write(FrameReplayer.PAUSE);
    }

    /** Transactions currently pending in the simulated mempool. */
    public int pending() {
        return engine.mempool().transactions().size();
    }

    @Override
    public void close() {
        frames.close();
        truth.close();
    }
}
