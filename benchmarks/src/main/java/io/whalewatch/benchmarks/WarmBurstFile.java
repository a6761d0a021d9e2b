package io.whalewatch.benchmarks;

import io.whalewatch.adapter.simulator.FrameFileWriter;
import io.whalewatch.application.port.out.AddressBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes {@code warmburst.frames} (and its {@code .truth}) next to {@link BurstFiles}' output: a
 * warm-up part of resync frames, a pause line ({@code #wait}: the replay waits for the next admin
 * start) and then a burst shaped like {@code burst.frames} but of other transactions, all from one
 * simulated mempool so the sequence numbers run on. The load harness's {@code warmburst} scenario
 * replays the first part, waits, and measures the second.
 *
 * <p>Usage: {@code WarmBurstFile DIR [WARM_TX=200000] [BURST_TX=500000] [FRAME_TX=5000]}; needs DIR/book.yaml.
 */
public final class WarmBurstFile {
    private WarmBurstFile() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int warmTx = BurstFiles.arg(args, 1, 200_000);
        int burstTx = BurstFiles.arg(args, 2, 500_000);
        int frameTx = BurstFiles.arg(args, 3, 5_000);
        long t0 = System.nanoTime();
        AddressBook book = TagPackFile.load(dir.resolve("book.yaml"));
        Map<String, String> sim = new HashMap<>();
        sim.put("SIM_SEED", "2027"); // not burst.frames' seed: other transactions
        sim.put("SIM_WHALE_SHARE", "0.001");
        sim.put("SIM_TX_RATE", "10");
        sim.put("SIM_TICK_MILLIS", "100");
        sim.put("SIM_BLOCK_INTERVAL_SECONDS", "86400");
        try (FrameFileWriter w = new FrameFileWriter(sim, book, dir.resolve("warmburst.frames"), dir.resolve("warmburst.truth"))) {
            for (int done = 0; done < warmTx; done += frameTx) {
                w.burstFrame(Math.min(frameTx, warmTx - done));
            }
            w.whaleFrame("inflow", 400);
            w.replayPause();
            for (int done = 0; done < burstTx; done += frameTx) {
                w.burstFrame(Math.min(frameTx, burstTx - done));
            }
            w.whaleFrame("inflow", 500);
        }
        System.out.printf("warmburst.frames: %.1f MB in %.1f s%n", Files.size(dir.resolve("warmburst.frames")) / 1e6,
                (System.nanoTime() - t0) / 1e9);
    }
}
