package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.adapter.simulator.chain.ExchangeWallets;
import io.whalewatch.application.spi.AdapterConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline frame files and replay mode: the client gets the file's lines, in order, and a send log. */
class ReplayIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void writerRecordsBurstTicksAndWhalesWithGroundTruth() throws Exception {
        Path frames = dir.resolve("f.jsonl");
        Path truth = dir.resolve("t.jsonl");
        write(frames, truth);
        List<String> lines = Files.readAllLines(frames);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        String burst = lines.stream().filter(l -> l.length() > 100_000).findFirst().orElseThrow();
        assertThat(WsClient.MAPPER.readTree(burst).get("mempool-transactions").get("added")).hasSize(200);
        assertThat(Files.readAllLines(truth)).anyMatch(l -> l.contains("\"event\":\"whale\"") && l.contains("inflow"));
    }

    @Test
    void replaySendsEveryLineInOrderAtTheGivenRateAndLogsSendTimes() throws Exception {
        Path frames = dir.resolve("f.jsonl");
        write(frames, dir.resolve("t.jsonl"));
        List<String> lines = Files.readAllLines(frames);
        Path log = dir.resolve("log.txt");
        Map<String, String> m = Map.of("SIM_REPLAY_FILE", frames.toString(), "SIM_REPLAY_RATE", "50",
                "SIM_REPLAY_LOG_FILE", log.toString(), "SIM_SEED", "1");
        AdapterConfig c = AdapterConfig.of(m);
        try (GeneratingMempoolSimulator sim = new GeneratingMempoolSimulator(SimulatorSettings.from(c),
                ReplaySettings.from(c), ExchangeWallets.synthetic(), Clock.systemUTC())) {
            URI ws = sim.start();
            try (WsClient client = new WsClient(ws)) {
                client.send("{\"track-mempool\": true}");
                long t0 = System.nanoTime();
                for (String line : lines) {
                    assertThat(client.next(WAIT)).isEqualTo(line);
                }
                long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
                assertThat(elapsedMillis).as("paced at 50 frames/s").isGreaterThanOrEqualTo((lines.size() - 2) * 20L - 5);
            }
            assertThat(sim.replayCounts().preFramed()).as("written pre-framed").isEqualTo(lines.size());
            assertThat(sim.replayCounts().viaTyrus()).isZero();
        }
        List<String> sent = Files.readAllLines(log);
        assertThat(sent).hasSize(lines.size());
        assertThat(sent.get(0)).startsWith("0 ");
        assertThat(Long.parseLong(sent.get(1).split(" ")[1])).isGreaterThan(Long.parseLong(sent.get(0).split(" ")[1]));
    }

    /**
     * The wire carries each line's own bytes in a minimal text frame (multi-byte UTF-8 included),
     * in file order, with a protocol reply slotted in between whole frames; a line that is not
     * UTF-8 still goes out (through sendText, with a replacement character).
     */
    @Test
    void replayWritesTheFileBytesAsMinimalTextFramesInOrder() throws Exception {
        String big = "{\"mempool-transactions\":{\"added\":[" + "{\"txid\":\"\u00e9\u65e5\u672c\"},".repeat(20_000)
                + "{\"w\":\"\uD83D\uDC0B\"}]}}";
        List<byte[]> payloads = List.of(utf8("{\"a\":\"\u20ac\"}"), utf8("{\"m\":\"" + "\u00fc".repeat(400) + "\"}"),
                utf8(big), new byte[] {'{', (byte) 0xFF, '}'}, utf8("{\"last\":true}"));
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < payloads.size(); i++) {
            file.write(payloads.get(i));
            file.write(i == 1 ? utf8("\r\n\n") : utf8("\n")); // a CRLF and an empty line too
        }
        Path frames = dir.resolve("bytes.jsonl");
        Files.write(frames, file.toByteArray());
        AdapterConfig c = AdapterConfig.of(Map.of("SIM_REPLAY_FILE", frames.toString(), "SIM_REPLAY_RATE", "10"));
        try (GeneratingMempoolSimulator sim = new GeneratingMempoolSimulator(SimulatorSettings.from(c),
                ReplaySettings.from(c), ExchangeWallets.synthetic(), Clock.systemUTC())) {
            URI ws = sim.start();
            List<byte[]> got = new java.util.ArrayList<>();
            int pongs = 0;
            try (RawWsClient client = new RawWsClient(ws)) {
                client.sendText("{\"track-mempool\": true}");
                got.add(client.nextFrame());
                client.sendText("{\"action\":\"ping\"}");
                while (got.size() < payloads.size()) {
                    byte[] f = client.nextFrame();
                    if (java.util.Arrays.equals(f, frame(utf8("{\"pong\": true}")))) {
                        pongs++;
                    } else {
                        got.add(f);
                    }
                }
            }
            assertThat(pongs).isEqualTo(1);
            for (int i = 0; i < payloads.size(); i++) {
                byte[] payload = i == 3 ? utf8("{\uFFFD}") : payloads.get(i);
                assertThat(got.get(i)).as("frame %d", i).isEqualTo(frame(payload));
            }
            assertThat(sim.replayCounts().preFramed()).as("the UTF-8 lines, pre-framed").isEqualTo(4);
            assertThat(sim.replayCounts().viaTyrus()).as("the malformed line").isEqualTo(1);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The expected server frame: FIN + text, unmasked, shortest length form (RFC 6455 5.2). */
    private static byte[] frame(byte[] payload) {
        int n = payload.length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + n).put((byte) 0x81);
        if (n < 126) {
            b.put((byte) n);
        } else if (n < 65_536) {
            b.put((byte) 126).putShort((short) n);
        } else {
            b.put((byte) 127).putLong(n);
        }
        b.put(payload);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }


    @Test
    void adminStartHoldsTheReplayUntilPosted() throws Exception {
        Path frames = dir.resolve("f.jsonl");
        write(frames, dir.resolve("t.jsonl"));
        AdapterConfig c = AdapterConfig.of(Map.of("SIM_REPLAY_FILE", frames.toString(), "SIM_REPLAY_START", "admin"));
        try (GeneratingMempoolSimulator sim = new GeneratingMempoolSimulator(SimulatorSettings.from(c),
                ReplaySettings.from(c), ExchangeWallets.synthetic(), Clock.systemUTC())) {
            URI ws = sim.start();
            try (WsClient client = new WsClient(ws)) {
                client.send("{\"track-mempool\": true}");
                assertThat(client.frames.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
                var answer = Sims.post(Sims.root(ws), "/sim/replay/start");
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"started\":true");
                List<String> lines = Files.readAllLines(frames);
                for (String line : lines) {
                    assertThat(client.next(WAIT)).isEqualTo(line);
                }
                Thread.sleep(50);
                assertThat(Sims.get(Sims.root(ws), "/sim/replay").body())
                        .isEqualTo("{\"framesSent\":" + lines.size() + ",\"finished\":true,\"paused\":false,\"transactions\":"
                                + announced(lines) + "}");
            }
        }
        try (GeneratingMempoolSimulator plain = Sims.fast()) {
            URI ws = plain.start();
            assertThat(Sims.post(Sims.root(ws), "/sim/replay/start").statusCode()).isEqualTo(409);
        }
    }

    @Test
    void aPauseLineHoldsTheReplayUntilTheNextAdminStartAndIsNotSent() throws Exception {
        Path frames = dir.resolve("f.jsonl");
        write(frames, dir.resolve("t.jsonl"));
        List<String> lines = Files.readAllLines(frames).stream().filter(l -> !l.isEmpty()).toList();
        int half = lines.size() / 2;
        List<String> withPause = new java.util.ArrayList<>(lines.subList(0, half));
        withPause.add("# a comment line is skipped too");
        withPause.add(FrameReplayer.PAUSE);
        withPause.addAll(lines.subList(half, lines.size()));
        Files.write(frames, withPause);
        AdapterConfig c = AdapterConfig.of(Map.of("SIM_REPLAY_FILE", frames.toString(), "SIM_REPLAY_START", "admin"));
        try (GeneratingMempoolSimulator sim = new GeneratingMempoolSimulator(SimulatorSettings.from(c),
                ReplaySettings.from(c), ExchangeWallets.synthetic(), Clock.systemUTC())) {
            URI ws = sim.start();
            try (WsClient client = new WsClient(ws)) {
                client.send("{\"track-mempool\": true}");
                Sims.post(Sims.root(ws), "/sim/replay/start");
                for (String line : lines.subList(0, half)) {
                    assertThat(client.next(WAIT)).isEqualTo(line);
                }
                assertThat(client.frames.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)).as("paused").isNull();
                assertThat(Sims.get(Sims.root(ws), "/sim/replay").body()).contains("\"framesSent\":" + half, "\"paused\":true");
                Sims.post(Sims.root(ws), "/sim/replay/start");
                for (String line : lines.subList(half, lines.size())) {
                    assertThat(client.next(WAIT)).isEqualTo(line);
                }
                Thread.sleep(50);
                assertThat(Sims.get(Sims.root(ws), "/sim/replay").body())
                        .contains("\"framesSent\":" + lines.size() + ",\"finished\":true,\"paused\":false");
            }
        }
    }

    private static long announced(List<String> lines) throws Exception {
        long n = 0;
        for (String line : lines) {
            n += WsClient.MAPPER.readTree(line).path("mempool-transactions").path("added").size();
        }
        assertThat(n).isGreaterThan(201);
        return n;
    }

    private static void write(Path frames, Path truth) {
        try (FrameFileWriter w = new FrameFileWriter(Map.of("SIM_SEED", "7", "SIM_TX_RATE", "20",
                "SIM_BLOCK_INTERVAL_SECONDS", "86400", "SIM_WHALE_SHARE", "0.001"), null, frames, truth)) {
            w.tick();
            w.tick();
            w.burstFrame(200);
            w.tick();
            w.whaleFrame("inflow", 500);
        }
    }
}
