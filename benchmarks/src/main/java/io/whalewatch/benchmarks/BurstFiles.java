package io.whalewatch.benchmarks;

import io.whalewatch.adapter.simulator.FrameFileWriter;
import io.whalewatch.application.port.out.AddressBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the load harness' input files with the simulator's own engine (so every frame has the
 * exact shape a subscribed client receives) into a directory:
 * <ul>
 *   <li>{@code book.yaml}: a TagPack of {@code bookSize} exchange addresses (default 300,000); whales
 *       use a sample of it, as the running simulator does with the configured address book;</li>
 *   <li>{@code burst.frames}: resync-style frames of {@code frameTx} transactions (default 5,000) up to
 *       {@code burstTx} (default 500,000), whale share 0.1%, then one marker whale frame;</li>
 *   <li>{@code steady.frames}: 100 ms ticks at 10 tx/s for {@code steadySeconds} (default 120), whale
 *       share 0.3 so that latency has samples (replayed at 10 frames/s);</li>
 *   <li>{@code fanout.frames}: {@code fanoutAlerts} (default 60) frames of one whale each;</li>
 *   <li>{@code *.truth}: the simulator's ground truth (whale txid + frame sequence).</li>
 * </ul>
 * Usage: {@code BurstFiles DIR [burstTx] [frameTx] [bookSize] [steadySeconds] [fanoutAlerts]}; needs ~3 GB heap
 * for 500,000 transactions (the simulated mempool keeps them all).
 */
public final class BurstFiles {
    private BurstFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int burstTx = arg(args, 1, 500_000);
        int frameTx = arg(args, 2, 5_000);
        int bookSize = arg(args, 3, 300_000);
        int steadySeconds = arg(args, 4, 120);
        int fanoutAlerts = arg(args, 5, 60);
        long t0 = System.nanoTime();
        TagPackFile.write(dir.resolve("book.yaml"), bookSize, 42);
        AddressBook book = TagPackFile.load(dir.resolve("book.yaml"));
        System.out.printf("book.yaml: %,d addresses%n", book.size());
        try (FrameFileWriter w = writer(dir, "burst", book, "0.001", "10")) {
            for (int done = 0; done < burstTx; done += frameTx) {
                w.burstFrame(Math.min(frameTx, burstTx - done));
            }
            w.whaleFrame("inflow", 500);
        }
        report(dir, "burst");
        try (FrameFileWriter w = writer(dir, "steady", book, "0.3", "10")) {
            for (int i = 0; i < steadySeconds * 10; i++) {
                w.tick();
            }
        }
        report(dir, "steady");
        try (FrameFileWriter w = writer(dir, "fanout", book, "0", "0")) {
            for (int i = 0; i < fanoutAlerts; i++) {
                w.whaleFrame(null, 200 + i);
            }
        }
        report(dir, "fanout");
        System.out.printf("done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static FrameFileWriter writer(Path dir, String name, AddressBook book, String whaleShare, String txRate) {
        Map<String, String> sim = new HashMap<>();
        sim.put("SIM_SEED", "2026");
        sim.put("SIM_WHALE_SHARE", whaleShare);
        sim.put("SIM_TX_RATE", txRate);
        sim.put("SIM_TICK_MILLIS", "100");
        sim.put("SIM_BLOCK_INTERVAL_SECONDS", "86400"); // no blocks: the files measure announcements only
        return new FrameFileWriter(sim, book, dir.resolve(name + ".frames"), dir.resolve(name + ".truth"));
    }

    private static void report(Path dir, String name) throws Exception {
        long whales;
        try (var lines = Files.lines(dir.resolve(name + ".truth"))) {
            whales = lines.filter(l -> l.contains("\"event\":\"whale\"")).count();
        }
        System.out.printf("%s.frames: %.1f MB; %s whales in %s.truth%n", name,
                Files.size(dir.resolve(name + ".frames")) / 1e6, whales, name);
    }

    static int arg(String[] args, int i, int def) {
        return args.length > i ? Integer.parseInt(args[i]) : def;
    }
}
