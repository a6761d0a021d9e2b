package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * {@link FrameParsingBenchmark}'s parser and reference, timed in <em>thread CPU time</em> instead of
 * wall time: on this shared 2-core machine other builds push the load average to 5-8 and JMH's wall
 * times then scatter by ±100%, while the CPU time one parse takes moves far less. The variants run
 * interleaved, so a change of load hits all of them alike; the minimum and the median are printed.
 * Usage: {@code FrameParsingCpuTime FRAMES_FILE [rounds] [variant,...]} (the first frame that adds
 * transactions; only the named variants, for a profile of one of them).
 */
public final class FrameParsingCpuTime {
    private static final long CANDIDATE_MINIMUM = 10_000_000_000L;

    private FrameParsingCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String frame = firstFrame(Path.of(args[0]));
        FrameParser parser = new FrameParser(Clock.systemUTC(), CANDIDATE_MINIMUM);
        int txs = parser.parse(frame).delta.addedCount;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] names = {"frameParser", "bareJacksonTokensFromBytes", "copyUtf8"};
        java.util.List<String> only = args.length > 2 ? Arrays.asList(args[2].split(",")) : Arrays.asList(names);
        long[][] times = new long[names.length][rounds];
        long sink = 0;
        for (int warm = 0; warm < 15; warm++) {
            sink += parser.parse(frame).delta.addedCount + bare(frame) + frame.getBytes(StandardCharsets.UTF_8).length;
        }
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < names.length; v++) {
                if (!only.contains(names[v])) {
                    continue;
                }
                long t0 = cpu.getCurrentThreadCpuTime();
                sink += switch (v) {
                    case 0 -> parser.parse(frame).delta.addedCount;
                    case 1 -> bare(frame);
                    default -> frame.getBytes(StandardCharsets.UTF_8).length;
                };
                times[v][r] = cpu.getCurrentThreadCpuTime() - t0;
            }
        }
        System.out.printf("frame: %,d transactions, %,d chars; %d rounds, thread CPU time per frame (sink %d)%n",
                txs, frame.length(), rounds, sink % 10);
        for (int v = 0; v < names.length; v++) {
            if (!only.contains(names[v])) {
                continue;
            }
            long[] t = times[v];
            Arrays.sort(t);
            System.out.printf("%-28s min %7.2f ms  median %7.2f ms  (%,.0f tx/s at the median)%n", names[v],
                    t[0] / 1e6, t[rounds / 2] / 1e6, txs / (t[rounds / 2] / 1e9));
        }
    }

    private static long bare(String frame) throws Exception {
        long sink = 0;
        try (JsonParser p = io.whalewatch.benchmarks.load.References.JSON.createParser(
                frame.getBytes(StandardCharsets.UTF_8))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                sink += t.ordinal();
            }
        }
        return sink;
    }

    private static String firstFrame(Path file) throws Exception {
        try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.contains("\"added\":[{")) {
                    return line;
                }
            }
        }
        throw new IllegalStateException(file + " has no frame that adds transactions");
    }
}
