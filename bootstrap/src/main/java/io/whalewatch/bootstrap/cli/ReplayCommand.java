package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.in.GetPipelineStatsUseCase;
import io.whalewatch.application.port.out.SourceStatus;
import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.SimulatorLauncher;
import io.whalewatch.bootstrap.runtime.WhaleWatchRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code whalewatch replay FILE}: feeds a recorded frames file through the real pipeline. No
 * adapter is bypassed: the simulator replays the file on loopback (SIM_REPLAY_FILE, started by an
 * admin call once the service is up) and the ordinary runtime consumes it through the mempool.space
 * source, detector, store and publishers. The clock starts at that admin call; the replay is done
 * when the pipeline has counted as many transactions as the file announces (the simulator counts
 * them before it starts; the pipeline's counter moves when a delta's detection starts, so the last
 * frame's detection and store work, a few ms, is not in the time).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a recorded frames file (one frame per line) through the whole pipeline as fast as it goes; "
                + "prints transactions/s and whales found. Uses a temporary database unless --db-path/DB_PATH is set.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "frames file (SIM_RECORD_FILE format)")
    Path file;

    @Option(names = "--rate", description = "frames per second (default 0: as fast as the pipeline reads)")
    double rate;

    @Option(names = "--timeout", description = "give up after this many seconds (default 600)")
    long timeoutSeconds = 600;

    @Override
    public Integer call() throws Exception {
        Settings base = config.resolve();
        Path tempDir = Files.createTempDirectory("whalewatch-replay");
        Settings settings = base.with(overrides(base, tempDir));
        MempoolSimulator simulator = SimulatorLauncher.start(settings);
        try {
            URI ws = simulator.start();
            URI admin = URI.create("http://" + ws.getHost() + ":" + ws.getPort() + "/sim/replay");
            settings = settings.with(Map.of("MEMPOOL_WS_URL", ws.toString(), "MEMPOOL_API_URL", simulator.restBase().toString()));
            try (WhaleWatchRuntime runtime = WhaleWatchRuntime.start(settings, Clock.systemUTC())) {
                return measure(runtime, admin);
            }
        } finally {
            simulator.close();
            deleteQuietly(tempDir);
        }
    }

    private Map<String, String> overrides(Settings base, Path tempDir) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SIM_REPLAY_FILE", file.toString());
        m.put("SIM_REPLAY_RATE", Double.toString(rate));
        m.put("SIM_REPLAY_START", "admin");
        m.put("SIM_HOST", "127.0.0.1");
        m.put("SIM_PORT", "0");
        if (!base.isExplicit("DB_PATH")) {
            m.put("DB_PATH", tempDir.resolve("replay.db").toString());
        }
        for (String port : new String[] {"BROADCASTER_PORT", "API_PORT"}) {
            if (!base.isExplicit(port)) {
                m.put(port, "0"); // any free port: a replay must not collide with a running service
            }
        }
        return m;
    }

    private int measure(WhaleWatchRuntime runtime, URI admin) throws IOException, InterruptedException {
        GetPipelineStatsUseCase stats = runtime.whaleWatch().stats();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!runtime.whaleWatch().sourceStatus().status().connected()) {
            sleepUntil(deadline);
        }
        HttpClient http = HttpClient.newHttpClient();
        long total = -1;
        while (total < 0) { // the simulator counts the file's transactions first; not part of the replay time
            sleepUntil(deadline);
            total = number(http.send(HttpRequest.newBuilder(admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body(),
                    "transactions");
        }
        long t0 = System.nanoTime();
        http.send(HttpRequest.newBuilder(admin.resolve("/sim/replay/start")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        while (stats.stats().transactions() < total) {
            sleepUntil(deadline);
        }
        long end = System.nanoTime();
        print(stats.stats(), runtime.whaleWatch().sourceStatus().status(), (end - t0) / 1e9);
        return 0;
    }

    private static long number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private void print(GetPipelineStatsUseCase.PipelineStats s, SourceStatus source, double seconds) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("replayed %s: %,d transactions in %.3f s = %,.0f transactions/s; %,d whales found (%,d duplicates, "
                + "%d store failures)%n", file, s.transactions(), seconds, s.transactions() / seconds, s.whales(),
                s.duplicates(), s.storeFailures());
        out.printf("source: %,d frames received, %,d rejected, %,d sequence gaps%n", source.framesReceived(),
                source.framesRejected(), source.gapsDetected());
        out.flush();
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("replay did not finish in time");
        }
        Thread.sleep(1);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
