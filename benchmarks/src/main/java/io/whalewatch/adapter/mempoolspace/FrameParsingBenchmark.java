package io.whalewatch.adapter.mempoolspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.whalewatch.adapter.simulator.FrameFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The source's frame parser ({@link FrameParser}, same package on the class path) on a resync-style
 * frame of {@code txs} simulator transactions (~2.3 KB each, whale share 0.1%), next to a bare Jackson
 * pass over the same String (every token, nothing kept) as the physical reference. Divide {@code txs}
 * by the time per operation for transactions per second. With {@code -p frameFile=PATH} (for example
 * the load harness' {@code burst.frames}) the first frame of that file that adds transactions is used
 * instead of a generated one ({@code txs} is then only checked against it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class FrameParsingBenchmark {
    /** 100 BTC: the detector's default threshold is the source's candidate minimum. */
    private static final long CANDIDATE_MINIMUM = 10_000_000_000L;

    @Param({"5000"})
    public int txs;

    /** Empty: generate the frame; else a frames file (one frame a line) to take the first burst frame from. */
    @Param({""})
    public String frameFile;

    private String frame;
    private byte[] frameBytes;
    private FrameParser parser;

    @Setup
    public void setUp() throws Exception {
        frame = frameFile.isEmpty() ? generatedFrame(txs) : firstBurstFrame(Path.of(frameFile));
        frameBytes = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parser = new FrameParser(Clock.systemUTC(), CANDIDATE_MINIMUM);
        ParsedFrame f = parser.parse(frame);
        if (f.delta == null || f.delta.addedCount != txs) {
            throw new IllegalStateException("the parser did not see " + txs + " transactions");
        }
    }

    private static String generatedFrame(int txs) throws Exception {
        Path dir = Files.createTempDirectory("frame-bench");
        Path frames = dir.resolve("f.frames");
        try (FrameFileWriter w = new FrameFileWriter(Map.of("SIM_SEED", "3", "SIM_WHALE_SHARE", "0.001",
                "SIM_BLOCK_INTERVAL_SECONDS", "86400"), null, frames, dir.resolve("f.truth"))) {
            w.burstFrame(txs);
        }
        List<String> lines = Files.readAllLines(frames);
        return lines.stream().filter(l -> l.contains("\"added\":[{")).findFirst().orElseThrow();
    }

    private static String firstBurstFrame(Path file) throws Exception {
        try (java.io.BufferedReader r = Files.newBufferedReader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.contains("\"added\":[{")) {
                    return line;
                }
            }
        }
        throw new IllegalStateException(file + " has no frame that adds transactions");
    }

    @Benchmark
    public ParsedFrame frameParser() throws Exception {
        return parser.parse(frame);
    }

    @Benchmark
    public long bareJacksonTokens() throws Exception {
        long sink = 0;
        try (JsonParser p = io.whalewatch.benchmarks.load.References.JSON.createParser(frame)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                sink += t.ordinal();
            }
        }
        return sink;
    }

    /** The same bare pass over the frame's UTF-8 bytes (Jackson's byte-based parser), including the String-to-bytes copy. */
    @Benchmark
    public long bareJacksonTokensFromBytes() throws Exception {
        long sink = 0;
        try (JsonParser p = io.whalewatch.benchmarks.load.References.JSON.createParser(
                frame.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                sink += t.ordinal();
            }
        }
        return sink + frameBytes.length;
    }

    /** The String-to-bytes copy alone, as the parser did it before (UTF-8 encoder: scan, then copy). */
    @Benchmark
    public byte[] copyUtf8() {
        return frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A plain Latin-1 copy (no scan for non-ASCII): the floor for any String-to-bytes step. */
    @Benchmark
    public byte[] copyLatin1() {
        return frame.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
