package io.whalewatch.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end load harness: simulator and server in separate JVMs over loopback, alert clients
 * in this JVM. Input files come from {@link io.whalewatch.benchmarks.BurstFiles}.
 *
 * <p>Usage: {@code LoadHarness JAR DIR SCENARIO...} with scenarios
 * {@code startup[:RUNS]} (server start-up to a healthy /health, default 3 runs), {@code burst[:RUNS]} (full-speed replay of burst.frames, 1 client: ingest throughput, latency during the
 * burst, and the bare Jackson reference; default 1 run), {@code warmburst[:RUNS]} (the same against a server that
 * has just handled a first burst), {@code steady} (steady.frames at 10 frames/s ≈ 10 tx/s,
 * 1 client: latency), {@code fanout:N[:RATE]} (fanout.frames, one whale per frame at RATE frames/s,
 * default 2, to N clients: time until all N have each alert, alerts/s delivered). Every scenario also
 * reports the server's start-up time to a healthy /health and its peak RSS (VmHWM).
 * JVM options: the server gets deploy/whalewatch.service's flags, its {@code MALLOC_ARENA_MAX=2} and its
 * class-data archive (made once per jar with {@code serve --cds-training}) unless
 * {@code -Dserver.jvm="..."} / {@code -Dserver.cds=false} say otherwise; {@code -Dsim.jvm="-Xmx1g"};
 * extra server settings: {@code -Dserver.env=KEY=VALUE,KEY2=VALUE2}; {@code -Dclients.settle.seconds=S} (default 0) waits
 * S seconds between the last client's welcome and the replay's start (to tell the connection storm's after-effects
 * from the alert path's own cost in a fan-out).
 *
 * <p>Latency is measured from the simulator's send log (wall clock just before the frame is handed
 * to its WebSocket) to the moment this process has the whole alert text (wall clock): it contains
 * the loopback transfer of the frame, the server's receipt, parse, detection, store, fan-out and the
 * transfer of the alert. Both clocks are the same machine's CLOCK_REALTIME.
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK WebSocket client reads each connection into slices of a 16 KB buffer (allocated per read).
        // When a connection's slices first run out mid-message (at about the 24th alert of ~680 bytes), every
        // one of the 10,000 clients takes a branch its compiled read path never saw: deoptimisation, then
        // interpreted reads, measured as a 450-900 ms "fan-out" that the server had finished (JFR of the
        // harness). 1 KB slices split messages from the first alert on, and allocate 16x less per read.
        // Set before any HttpClient class is loaded; -Djdk.httpclient.bufsize=16384 restores the default.
        System.setProperty("jdk.httpclient.bufsize", System.getProperty("jdk.httpclient.bufsize", "1024"));
        Path jar = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        for (int i = 2; i < args.length; i++) {
            String[] s = args[i].split(":");
            System.out.printf("%n=== %s  (%s, load average %s)%n", args[i], Instant.now(), loadAverage());
            switch (s[0]) {
                case "burst" -> burst(jar, dir, s.length > 1 ? Integer.parseInt(s[1]) : 1);
                case "warmburst" -> warmBurst(jar, dir, s.length > 1 ? Integer.parseInt(s[1]) : 1);
                case "steady" -> latency(jar, dir, "steady", 10);
                case "startup" -> startup(jar, dir, s.length > 1 ? Integer.parseInt(s[1]) : 3);
                case "fanout" -> fanout(jar, dir, Integer.parseInt(s[1]), s.length > 2 ? Double.parseDouble(s[2]) : 2);
                default -> throw new IllegalArgumentException("unknown scenario " + s[0]);
            }
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    /** The bare-parse references (3 runs), then {@code runs} full-speed replays, each with a fresh server. */
    private static void burst(Path jar, Path dir, int runs) throws Exception {
        Path frames = dir.resolve("burst.frames");
        FrameIndex index = FrameIndex.of(frames, dir.resolve("burst.truth"));
        System.out.printf("file: %,d frames, %,d transactions, %.1f MB (%.0f bytes/tx), %d whales in ground truth%n",
                index.sequenceOfLine.size(), index.transactions, index.bytes / 1e6, (double) index.bytes / index.transactions,
                index.lineOfWhale.size());
        for (int r = 1; r <= (Boolean.parseBoolean(System.getProperty("burst.reference", "true")) ? 3 : 0); r++) {
            double s = FrameIndex.bareParseSeconds(frames);
            System.out.printf("reference, bare Jackson streaming parse of the frame Strings (run %d): %.3f s = %,.0f tx/s%n", r, s,
                    index.transactions / s);
            double b = FrameIndex.bareParseSeconds(frames, true);
            System.out.printf("reference, bare Jackson streaming parse of the frames' UTF-8 bytes (run %d): %.3f s = %,.0f tx/s%n", r, b,
                    index.transactions / b);
        }
        for (int r = 1; r <= runs; r++) {
            if (runs > 1) {
                System.out.printf("--- burst run %d of %d (load average %s)%n", r, runs, loadAverage());
            }
            Result res = run(jar, dir, "burst", index, 0, 1);
            int last = index.sequenceOfLine.size() - 1;
            long lastWhaleReceipt = res.lastReceiptOfLine(index, last);
            double seconds = (lastWhaleReceipt - res.send[0]) / 1e6;
            System.out.printf("ingest: %,d transactions from first frame sent to the last frame's whale alert received: "
                    + "%.3f s = %,.0f tx/s%n", index.transactions, seconds, index.transactions / seconds);
            res.printLatency("detection latency during the burst");
            res.close();
        }
    }

    /**
     * The burst again, but against a server that has just handled a first burst (warmburst.frames from
     * {@link io.whalewatch.benchmarks.WarmBurstFile}: a warm-up part, a pause line, then a burst of
     * other transactions): what a resync costs a server that has been running, with its code compiled
     * by the JIT, as opposed to {@code burst}, which starts half a second after the server did.
     */
    private static void warmBurst(Path jar, Path dir, int runs) throws Exception {
        Path frames = dir.resolve("warmburst.frames");
        FrameIndex index = FrameIndex.of(frames, dir.resolve("warmburst.truth"));
        if (index.pauseAt < 0) {
            throw new IllegalStateException(frames + " has no pause line; write it with WarmBurstFile");
        }
        System.out.printf("file: %,d warm-up frames (%d whales), then %,d frames with %,d transactions, %.1f MB, %d whales%n",
                index.pauseAt, index.warmUpWhales.size(), index.sequenceOfLine.size() - index.pauseAt, index.transactions,
                index.bytes / 1e6, index.lineOfWhale.size());
        for (int r = 1; r <= runs; r++) {
            Stack stack = new Stack(jar, dir, "warmburst");
            stack.startSimulator(frames, 0);
            stack.startServer(Map.of());
            AlertClients ac = new AlertClients();
            ac.warmUp(50_000);
            int ready = ac.connect(stack.alertsUri(), stack.token(), 1, 1, Duration.ofMinutes(1));
            long w0 = System.nanoTime();
            stack.startReplay();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!ac.receipts.keySet().containsAll(index.warmUpWhales.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("--- run %d: warm-up part handled in %.3f s (load average %s); CPU so far, server: %s%n", r,
                    (System.nanoTime() - w0) / 1e9, loadAverage(), stack.server.busiestThreads(4));
            Thread.sleep(2_000); // the store writer and the JIT's queue settle
            String metricsBefore = Stack.get(stack.apiPort, "/metrics"); // the server's histograms count the burst only
            stack.startReplay();
            awaitAlerts(stack, ac, index, ready);
            Result res = new Result(stack, ac, ready, stack.sendTimes(index.sequenceOfLine.size()), index, metricsBefore);
            res.printServer();
            int last = index.sequenceOfLine.size() - 1;
            double seconds = (res.lastReceiptOfLine(index, last) - res.send[index.pauseAt]) / 1e6;
            System.out.printf("ingest (warm server): %,d transactions from the first frame after the pause sent to the last "
                    + "frame's whale alert received: %.3f s = %,.0f tx/s%n", index.transactions, seconds, index.transactions / seconds);
            res.printLatency("detection latency during the burst (warm server)");
            res.close();
        }
    }

    /** Start-up to a healthy /health, {@code runs} times (fresh database each time, simulator already up). */
    private static void startup(Path jar, Path dir, int runs) throws Exception {
        for (int r = 1; r <= runs; r++) {
            try (Stack stack = new Stack(jar, dir, "startup")) {
                if (r == 1) {
                    Files.deleteIfExists(stack.addressBookCache()); // the first start after an install or a book change
                }
                stack.startSimulator(dir.resolve("fanout.frames"), 0);
                stack.startServer(Map.of());
                System.out.printf("start-up run %d: process start -> /health answers %.3f s, -> healthy %.3f s; RSS %.0f MB; address book from the %s%n",
                        r, stack.startupToHttpSeconds, stack.startupToHealthySeconds, stack.server.rssMb(), stack.addressBookFrom);
            }
        }
    }

    private static void latency(Path jar, Path dir, String name, double rate) throws Exception {
        FrameIndex index = FrameIndex.of(dir.resolve(name + ".frames"), dir.resolve(name + ".truth"));
        System.out.printf("file: %,d frames, %,d transactions, %d whales, replayed at %.0f frames/s%n",
                index.sequenceOfLine.size(), index.transactions, index.lineOfWhale.size(), rate);
        Result res = run(jar, dir, name, index, rate, 1);
        res.printLatency("detection latency at " + rate + " frames/s");
        res.close();
    }

    private static void fanout(Path jar, Path dir, int clients, double rate) throws Exception {
        FrameIndex index = FrameIndex.of(dir.resolve("fanout.frames"), dir.resolve("fanout.truth"));
        Result res = run(jar, dir, "fanout-" + clients, index, rate, clients);
        Histogram toAll = new Histogram(3);
        Histogram spread = new Histogram(3);
        long deliveries = 0;
        long firstSend = Long.MAX_VALUE;
        long lastReceipt = 0;
        int complete = 0;
        java.util.List<long[]> ordered = new java.util.ArrayList<>(); // {line, frame sent -> last client}
        for (Map.Entry<String, Integer> w : index.lineOfWhale.entrySet()) {
            AlertClients.Receipt r = res.clients.receipts.get(w.getKey());
            if (r == null) {
                continue;
            }
            deliveries += r.clients;
            firstSend = Math.min(firstSend, res.send[w.getValue()]);
            lastReceipt = Math.max(lastReceipt, r.lastMicros);
            if (r.clients >= res.ready) {
                complete++;
                toAll.recordValue(Math.max(0, r.lastMicros - res.send[w.getValue()]));
                ordered.add(new long[] {w.getValue(), Math.max(0, r.lastMicros - res.send[w.getValue()])});
                spread.recordValue(Math.max(0, r.lastMicros - r.firstMicros));
            }
        }
        System.out.printf("fan-out to %,d ready clients: %d of %d alerts reached every client%n", res.ready, complete,
                index.lineOfWhale.size());
        print("  frame sent -> last client has the alert", toAll);
        printTimeline(ordered, res.send);
        print("  first client -> last client", spread);
        System.out.printf("  alerts delivered: %,d in %.3f s = %,.0f alerts/s (paced input: %.1f alerts/s x %,d clients)%n",
                deliveries, (lastReceipt - firstSend) / 1e6, deliveries / ((lastReceipt - firstSend) / 1e6), rate, res.ready);
        res.printServer();
        res.close();
    }

    /** Starts everything, connects the clients, replays, waits for the alerts of every whale in the file. */
    private static Result run(Path jar, Path dir, String name, FrameIndex index, double rate, int clients) throws Exception {
        Stack stack = new Stack(jar, dir, name);
        stack.startSimulator(dir.resolve(name.startsWith("fanout") ? "fanout.frames" : name + ".frames"), rate);
        stack.startServer(Map.of());
        System.out.printf("server start-up (process start -> /health answers: %.3f s, -> healthy: %.3f s); RSS after start %.0f MB; address book from the %s%n",
                stack.startupToHttpSeconds, stack.startupToHealthySeconds, stack.server.rssMb(), stack.addressBookFrom);
        System.out.printf("CPU at healthy, server: %s%n", stack.server.busiestThreads(6));
        AlertClients ac = new AlertClients();
        ac.warmUp(50_000);
        long c0 = System.nanoTime();
        int ready = ac.connect(stack.alertsUri(), stack.token(), clients, 256, Duration.ofMinutes(5));
        System.out.printf("%,d of %,d clients authenticated in %.1f s (%d failed); server RSS now %.0f MB%n", ready, clients,
                (System.nanoTime() - c0) / 1e9, ac.closedEarly.intValue(), stack.server.rssMb());
        long settle = Long.getLong("clients.settle.seconds", 0);
        if (settle > 0) {
            System.out.printf("waiting %d s after the clients connected before the replay%n", settle);
            Thread.sleep(settle * 1000);
        }
        stack.startReplay();
        awaitAlerts(stack, ac, index, ready);
        Result res = new Result(stack, ac, ready, stack.sendTimes(index.sequenceOfLine.size()), index, null);
        res.printServer();
        return res;
    }

    private static void awaitAlerts(Stack stack, AlertClients ac, FrameIndex index, int ready) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long seen = -1;
        while (true) {
            long n = ac.alerts.sum();
            if (n != seen) {
                seen = n;
                lastProgress = System.nanoTime();
            }
            boolean all = index.lineOfWhale.keySet().stream()
                    .allMatch(t -> ac.receipts.containsKey(t) && ac.receipts.get(t).clients >= ready);
            if (all || System.nanoTime() - lastProgress > Duration.ofSeconds(30).toNanos() && stack.replayFinished()) {
                return;
            }
            Thread.sleep(20);
        }
    }

    static void print(String label, Histogram h) {
        System.out.printf("%s (n=%d): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n", label, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * Latencies ({line, micros}) in the order the frames were sent, split into five equal parts, and the
     * five slowest samples with their frame: shows whether the tail is start-up (cold code), a moment of
     * the run (a GC, another process) or spread evenly.
     */
    static void printTimeline(java.util.List<long[]> samples, long[] send) {
        samples.sort(java.util.Comparator.comparingLong(a -> a[0]));
        int parts = 5;
        StringBuilder line = new StringBuilder("  in send order, fifths (p50/p99/max ms):");
        for (int k = 0; k < parts && samples.size() >= parts; k++) {
            Histogram part = new Histogram(3);
            samples.subList(k * samples.size() / parts, (k + 1) * samples.size() / parts).forEach(a -> part.recordValue(a[1]));
            line.append(String.format(" [%.1f/%.1f/%.1f]", part.getValueAtPercentile(50) / 1e3,
                    part.getValueAtPercentile(99) / 1e3, part.getMaxValue() / 1e3));
        }
        System.out.println(line);
        java.util.List<long[]> slowest = new java.util.ArrayList<>(samples);
        slowest.sort(java.util.Comparator.comparingLong((long[] a) -> a[1]).reversed());
        StringBuilder top = new StringBuilder("  slowest (frame @ s after the first measured send: ms):");
        long origin = samples.stream().mapToLong(a -> send[(int) a[0]]).min().orElse(0);
        for (long[] a : slowest.subList(0, Math.min(5, slowest.size()))) {
            top.append(String.format(" %d @ %.1f s: %.2f;", a[0], (send[(int) a[0]] - origin) / 1e6, a[1] / 1e3));
        }
        System.out.println(top);
    }

    /**
     * What one run left: the stack (still running), clients, send times, and the server's /metrics before the
     * measured part (null: since start), which its histograms are counted from.
     */
    private record Result(Stack stack, AlertClients clients, int ready, long[] send, FrameIndex index, String metricsBefore) {
        long lastReceiptOfLine(FrameIndex index, int line) {
            return index.lineOfWhale.entrySet().stream().filter(e -> e.getValue() == line)
                    .mapToLong(e -> clients.receipts.containsKey(e.getKey()) ? clients.receipts.get(e.getKey()).lastMicros : 0)
                    .max().orElse(0);
        }

        void printLatency(String label) {
            Histogram h = new Histogram(3);
            Histogram toDetection = new Histogram(3);
            Histogram fromDetection = new Histogram(3);
            int missing = 0;
            for (Map.Entry<String, Integer> w : index.lineOfWhale.entrySet()) {
                AlertClients.Receipt r = clients.receipts.get(w.getKey());
                if (r == null) {
                    missing++;
                } else {
                    h.recordValue(Math.max(0, r.firstMicros - send[w.getValue()]));
                    if (r.detectedMicros > 0) {
                        toDetection.recordValue(Math.max(0, r.detectedMicros - send[w.getValue()]));
                        fromDetection.recordValue(Math.max(0, r.firstMicros - r.detectedMicros));
                    }
                }
            }
            print(label + ", frame sent -> alert received", h);
            printTimeline();
            printFromReceipt();
            print("  of which frame sent -> server's detection_timestamp (ms precision)", toDetection);
            print("  and detection_timestamp -> alert received (store, fan-out, transfer)", fromDetection);
            printServerHistogram();
            System.out.printf("  ground-truth whales without an alert: %d (below the detector's threshold after change "
                    + "heuristics, or not alerted); alerts received: %,d%n", missing, clients.alerts.sum());
        }

        /**
         * The issue's own measure, per alert and exact: the server's receipt of the frame (its latency trace)
         * to this process having the whole alert. Both instants are the machine's wall clock in microseconds.
         */
        void printFromReceipt() {
            Map<String, Long> received;
            try {
                received = stack.serverReceiptMicros();
            } catch (java.io.IOException e) {
                System.out.println("  server's latency trace unreadable: " + e);
                return;
            }
            Histogram exact = new Histogram(3);
            java.util.List<long[]> samples = new java.util.ArrayList<>(); // {line, latency micros}
            for (Map.Entry<String, Integer> w : index.lineOfWhale.entrySet()) {
                AlertClients.Receipt r = clients.receipts.get(w.getKey());
                Long at = received.get(w.getKey());
                if (r != null && at != null) {
                    long micros = Math.max(0, r.firstMicros - at);
                    exact.recordValue(micros);
                    samples.add(new long[] {w.getValue(), micros});
                }
            }
            if (exact.getTotalCount() == 0) {
                System.out.println("  server's latency trace: no whale of this run found (LOG_LATENCY=DEBUG unset, or an older server)");
                return;
            }
            print("  frame received by the server -> alert received, exact (server's latency trace)", exact);
            System.out.printf("    within 5 ms %.1f%%, within 100 ms %.1f%% (of %d alerts)%n",
                    100.0 * exact.getCountBetweenValues(0, 5_000) / exact.getTotalCount(),
                    100.0 * exact.getCountBetweenValues(0, 100_000) / exact.getTotalCount(), exact.getTotalCount());
            LoadHarness.printTimeline(samples, send);
        }

        /**
         * The same latencies in the order the frames were sent, split into five equal parts, and the five
         * slowest samples with their frame: shows whether the tail is start-up (cold code), a moment of
         * the run (a GC, another process) or spread evenly.
         */
        void printTimeline() {
            java.util.List<long[]> samples = new java.util.ArrayList<>(); // {line, latency micros}
            for (Map.Entry<String, Integer> w : index.lineOfWhale.entrySet()) {
                AlertClients.Receipt r = clients.receipts.get(w.getKey());
                if (r != null) {
                    samples.add(new long[] {w.getValue(), Math.max(0, r.firstMicros - send[w.getValue()])});
                }
            }
            LoadHarness.printTimeline(samples, send);
        }


        /**
         * The server's own histogram of frame receipt (the whole frame handed to the source adapter, before
         * any wait for the pipeline) to alert handed to the publishers, scraped from its /metrics: the part
         * of the latency the server is responsible for, without the upstream's and the loopback's queues.
         * Prometheus buckets, so each quantile is given as the bucket bound it falls under.
         */
        void printServerHistogram() {
            String metrics = Stack.get(stack.apiPort, "/metrics");
            if (metrics == null) {
                System.out.println("  server /metrics did not answer");
                return;
            }
            String since = metricsBefore == null ? "" : " (this part only)";
            printHistogram(metrics, metricsBefore, "whalewatch_detection_latency_seconds", "",
                    "server's own histogram" + since + ", frame receipt -> alert handed to the publishers");
            for (String stage : new String[] {"until_detection", "detection", "durable", "publication"}) {
                printHistogram(metrics, metricsBefore, "whalewatch_detection_stage_seconds", "stage=\"" + stage + "\"", "    stage " + stage);
            }
        }

        /**
         * One Prometheus histogram series (the series whose labels contain {@code label}) as mean and bucket-bound
         * quantiles; with {@code before}, what the series counted since then.
         */
        private static void printHistogram(String metrics, String before, String name, String label, String title) {
            Series series = Series.parse(metrics, name, label);
            if (before != null) {
                series = series.since(Series.parse(before, name, label));
            }
            java.util.List<double[]> buckets = series.buckets();
            double count = series.count();
            System.out.printf("  %s (n=%.0f): mean %.2f ms, p50 <= %s, p99 <= %s, p99.9 <= %s; within 5 ms %s, within 100 ms %s%n",
                    title, count, count > 0 ? series.sumSeconds() / count * 1e3 : 0, bound(buckets, count, 0.50),
                    bound(buckets, count, 0.99), bound(buckets, count, 0.999), shareWithin(buckets, count, 0.005),
                    shareWithin(buckets, count, 0.1));
        }

        /** A scraped histogram series: its buckets as {upper bound s, cumulative count}, sorted by bound, and its sum. */
        private record Series(java.util.List<double[]> buckets, double sumSeconds) {
            static Series parse(String metrics, String name, String label) {
                java.util.List<double[]> buckets = new java.util.ArrayList<>();
                double sum = 0;
                for (String l : metrics.split("\n")) {
                    if (!l.contains(label)) {
                        continue;
                    }
                    if (l.startsWith(name + "_bucket{")) {
                        String le = l.substring(l.indexOf("le=\"") + 4, l.indexOf('"', l.indexOf("le=\"") + 4));
                        buckets.add(new double[] {le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                                Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))});
                    } else if (l.startsWith(name + "_sum")) {
                        sum = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                    }
                }
                buckets.sort(java.util.Comparator.comparingDouble(b -> b[0]));
                return new Series(buckets, sum);
            }

            /** What was counted after {@code earlier} (the same series scraped before), bucket by bucket. */
            Series since(Series earlier) {
                java.util.List<double[]> diff = new java.util.ArrayList<>();
                for (int i = 0; i < buckets.size(); i++) {
                    double before = i < earlier.buckets.size() ? earlier.buckets.get(i)[1] : 0;
                    diff.add(new double[] {buckets.get(i)[0], buckets.get(i)[1] - before});
                }
                return new Series(diff, sumSeconds - earlier.sumSeconds);
            }

            /** The number of observations: the +Inf bucket's cumulative count. */
            double count() {
                return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1)[1];
            }
        }

        /** The share of the observations at or under a bucket bound: a p99 target is met when it is 99% or more. */
        private static String shareWithin(java.util.List<double[]> buckets, double count, double seconds) {
            for (double[] b : buckets) {
                if (Math.abs(b[0] - seconds) < 1e-9) {
                    return count > 0 ? String.format("%.1f%% (%.0f over)", 100 * b[1] / count, count - b[1]) : "-";
                }
            }
            return "? (no such bucket)";
        }

        private static String bound(java.util.List<double[]> buckets, double count, double q) {
            for (double[] b : buckets) {
                if (b[1] >= Math.ceil(q * count)) {
                    return Double.isInfinite(b[0]) ? "inf" : String.format("%.1f ms", b[0] * 1e3);
                }
            }
            return "?";
        }

        void close() {
            clients.close();
            stack.close();
        }

        void printServer() {
            System.out.printf("server peak RSS (VmHWM): %.0f MB, RSS now %.0f MB%n", stack.server.peakRssMb(), stack.server.rssMb());
            System.out.printf("CPU since start, server: %s%n", stack.server.busiestThreads(6));
            System.out.printf("CPU since start, simulator: %s%n", stack.simulator.busiestThreads(4));
        }
    }
}
