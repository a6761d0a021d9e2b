package io.whalewatch.adapter.store.duckdb;

import io.whalewatch.testkit.Predictions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-process main for the journal's crash tests. {@code append <journal>}: appends batches of 1 to
 * 5 predictions forever, printing {@code ACK <id>} once an append has returned, and settles 40 behind
 * from a second thread (small limits, so compactions happen too), printing {@code SETTLING <id>} just before each settle.
 * {@code hold <journal>}: opens the journal and keeps it until stdin closes.
 */
public final class JournalChild {
    private JournalChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = new PrintStream(System.out, false);
        JournalFile journal = JournalFile.open(Path.of(args[1]), new JournalFile.Limits(8 << 10, 32 << 10));
        if (args[0].equals("hold")) {
            out.println("LOCKED");
            out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
            journal.close();
            return;
        }
        long[] acked = {journal.lastAlertId()};
        Thread settler = new Thread(() -> {
            while (true) {
                long upTo;
                synchronized (acked) {
                    upTo = acked[0] - 40;
                }
                if (upTo > 0) {
                    // announced before settling: a kill can fall between the two, and the parent
                    // must not expect entries up to a settle it was never told about
                    synchronized (out) {
                        out.println("SETTLING " + upTo);
                        out.flush();
                    }
                    journal.settle(upTo);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        settler.setDaemon(true);
        settler.start();
        long next = journal.lastAlertId() + 1;
        while (true) {
            int n = 1 + (int) (next % 5);
            List<io.whalewatch.domain.prediction.Prediction> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(Predictions.inflow(next + i, 100));
            }
            journal.append(batch);
            next += n;
            synchronized (acked) {
                acked[0] = next - 1;
            }
            synchronized (out) {
                out.println("ACK " + (next - 1));
                out.flush();
            }
        }
    }
}
