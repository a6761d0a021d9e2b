package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.ExchangeWallets;
import io.whalewatch.adapter.simulator.chain.TrafficGenerator;
import io.whalewatch.adapter.simulator.chain.TrafficProfile;
import io.whalewatch.adapter.simulator.server.Faults;
import io.whalewatch.adapter.simulator.server.Hub;
import io.whalewatch.adapter.simulator.server.Limits;
import io.whalewatch.adapter.simulator.server.SimServer;
import io.whalewatch.adapter.simulator.server.TxIndex;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.MempoolSimulator;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator: a Grizzly/Tyrus server on one port plus a single engine thread that ticks the
 * simulated mempool. Thread-safe; {@link #start} once, {@link #close} any number of times.
 */
final class GeneratingMempoolSimulator implements MempoolSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(GeneratingMempoolSimulator.class);
    private final SimulatorSettings settings;
    private final ScheduledExecutorService thread;
    private final SimulationEngine engine;
    private final SimServer server;
    private final Hub hub;
    private final Faults faults = new Faults();
    private final LineFile recorder;
    private final GroundTruth truth;
    private final FrameReplayer replayer;
    private volatile boolean started;

    GeneratingMempoolSimulator(SimulatorSettings settings, ExchangeWallets wallets, Clock clock) {
        this(settings, ReplaySettings.none(), wallets, clock);
    }

    /** With replay settings: in replay mode the engine only answers snapshots and REST, it does not tick. */
    GeneratingMempoolSimulator(SimulatorSettings settings, ReplaySettings replay, ExchangeWallets wallets, Clock clock) {
        this.settings = settings;
        Limits limits = new Limits(settings.maxMessageBytes(), settings.maxMessagesPer10s(), 10_000,
                settings.sendBacklogBytes());
        this.hub = new Hub(faults, limits);
        this.recorder = LineFile.open(settings.recordFile(), "SIM_RECORD_FILE");
        this.truth = new GroundTruth(LineFile.open(settings.groundTruthFile(), "SIM_GROUND_TRUTH_FILE"));
        hub.onRaw(recorder::write);
        TxIndex index = new TxIndex();
        Publisher publisher = new Publisher(settings, hub, faults, recorder);
        TrafficGenerator generator = new TrafficGenerator(new TrafficProfile(settings.txRate(), settings.whaleShare(),
                settings.feeLevel(), settings.evictionShare()), wallets);
        this.engine = new SimulationEngine(settings, clock, generator, publisher, index, truth);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-engine");
            t.setDaemon(true);
            return t;
        });
        EngineControl control = new EngineControl(engine, publisher, thread, settings, wallets, hub, faults);
        this.replayer = replay.enabled() ? new FrameReplayer(replay, hub, limits.maxBacklogBytes()) : null;
        if (replayer != null) {
            control.replay(replayer::release, replayer::status);
        }
        this.server = new SimServer(settings.host(), settings.port(), hub, faults, limits, publisher::snapshot, index,
                control);
    }

    @Override
    public synchronized URI start() {
        if (!started) {
            try {
                server.start();
            } catch (java.io.UncheckedIOException e) {
                throw new AdapterException("SIM_HOST=" + settings.host() + " SIM_PORT=" + settings.port()
                        + " cannot be bound: " + e.getCause().getMessage(), e);
            }
            if (replayer != null) {
                replayer.start();
            } else {
                thread.scheduleAtFixedRate(this::safeTick, settings.tickMillis(), settings.tickMillis(),
                        TimeUnit.MILLISECONDS);
            }
            started = true;
            LOG.info("mempool simulator on {} (seed {}, {} tx/s, whale share {}, block every {} s)", wsUrl(),
                    settings.seed(), settings.txRate(), settings.whaleShare(), settings.blockIntervalSeconds());
        }
        return wsUrl();
    }

    /** How replayed frames were sent (tests assert the pre-framed path). */
    io.whalewatch.adapter.simulator.server.ReplayCounts replayCounts() {
        return hub.replayCounts();
    }

    /** A failing tick must not cancel the schedule (an exception would stop all later ticks). */
    private void safeTick() {
        try {
            engine.tick();
        } catch (RuntimeException e) {
            LOG.error("simulator tick failed", e);
        }
    }

    private URI wsUrl() {
        return URI.create("ws://" + hostForUrl() + ":" + server.port() + SimServer.WS_PATH);
    }

    @Override
    public URI restBase() {
        return URI.create("http://" + hostForUrl() + ":" + server.port() + "/api");
    }

    private String hostForUrl() {
        String h = settings.host();
        if ("0.0.0.0".equals(h)) {
            return "127.0.0.1";
        }
        return h.contains(":") ? "[" + h + "]" : h;
    }

    @Override
    public synchronized void close() {
        thread.shutdownNow();
        if (replayer != null) {
            replayer.close();
        }
        hub.closeAll();
        server.close();
        recorder.close();
        truth.close();
        faults.clear();
    }
}
