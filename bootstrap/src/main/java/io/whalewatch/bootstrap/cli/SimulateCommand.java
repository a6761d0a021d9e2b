package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.SimulatorLauncher;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code whalewatch simulate --port P}: the mempool.space simulator alone, for integrations and tests. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the mempool.space simulator alone (WebSocket /api/v1/ws + REST /api). Other SIM_* settings via --set.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "port to listen on (SIM_PORT; 0 = any free port)")
    Integer port;

    @Option(names = "--host", description = "address to bind (SIM_HOST, default 127.0.0.1)")
    String host;

    @Option(names = "--seed", description = "random seed, for reproducible traffic (SIM_SEED)")
    Long seed;

    @Option(names = "--tx-rate", description = "transactions per second (SIM_TX_RATE)")
    Double txRate;

    @Option(names = "--whale-share", description = "share of transactions that are whales, 0..1 (SIM_WHALE_SHARE)")
    Double whaleShare;

    @Option(names = "--block-interval", description = "seconds between blocks (SIM_BLOCK_INTERVAL_SECONDS)")
    Double blockInterval;

    @Option(names = "--scenario", description = "scenario file (SIM_SCENARIO_FILE)")
    String scenario;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "SIM_PORT", port);
        put(flags, "SIM_HOST", host);
        put(flags, "SIM_SEED", seed);
        put(flags, "SIM_TX_RATE", txRate);
        put(flags, "SIM_WHALE_SHARE", whaleShare);
        put(flags, "SIM_BLOCK_INTERVAL_SECONDS", blockInterval);
        put(flags, "SIM_SCENARIO_FILE", scenario);
        Settings settings = config.resolve().with(flags);
        MempoolSimulator simulator = SimulatorLauncher.start(settings);
        URI ws = simulator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("simulator listening: " + ws + "  REST: " + simulator.restBase());
        out.flush();
        stopped.await();
        return 0;
    }

    private static void put(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
