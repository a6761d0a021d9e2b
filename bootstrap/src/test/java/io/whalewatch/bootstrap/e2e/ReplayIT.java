package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code whalewatch replay FILE}: a file of frames recorded by the simulator ({@code SIM_RECORD_FILE})
 * goes through the real pipeline, and every whale the simulator announced in it is found.
 */
class ReplayIT {
    private static final Pattern SUMMARY = Pattern.compile("replayed .*?: ([\\d,]+) transactions .*?; ([\\d,]+) whales found");

    @TempDir
    Path dir;

    @Test
    void aRecordedFileIsReplayedThroughThePipelineAndItsWhalesAreFound() throws Exception {
        Path frames = dir.resolve("recorded.frames");
        Path truth = dir.resolve("truth.jsonl");
        try (JarProcess sim = JarProcess.start(dir, Map.of("SIM_RECORD_FILE", frames.toString(), "SIM_GROUND_TRUTH_FILE",
                truth.toString(), "SIM_TX_RATE", "50", "SIM_WHALE_SHARE", "0.05", "SIM_TICK_MILLIS", "200",
                "SIM_BLOCK_INTERVAL_SECONDS", "2"), "simulate", "--port", "0", "--seed", "3")) {
            sim.awaitStdout("(simulator listening)", Duration.ofSeconds(60));
            Thread.sleep(4_000); // the record file starts at tick 1 whether or not a client listens
            sim.stop();
            sim.awaitExit(Duration.ofSeconds(30));
        }
        java.util.Set<String> recorded = recordedTxids(frames);
        long whales = SimAdmin.truth(truth).stream().filter(e -> e.path("event").asText().equals("whale"))
                .filter(e -> recorded.contains(e.path("txid").asText())).count();
        assertThat(whales).as("whales announced in the recording").isPositive();
        try (JarProcess replay = JarProcess.start(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0",
                "API_PORT", "0", "DB_PATH", dir.resolve("replay.db").toString()), "replay", frames.toString())) {
            String line = replay.awaitStdout("(replayed .*)", Duration.ofSeconds(120));
            Matcher m = SUMMARY.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            assertThat(Long.parseLong(m.group(1).replace(",", ""))).as("transactions").isGreaterThan(whales);
            assertThat(Long.parseLong(m.group(2).replace(",", ""))).as("whales found").isEqualTo(whales);
            replay.awaitExit(Duration.ofSeconds(60));
        }
        assertThat(E2e.storedTxids(dir.resolve("replay.db"))).hasSize((int) whales);
    }

    /** Every txid added in the recorded frames (the stop may cut between the ground truth and the record). */
    private static java.util.Set<String> recordedTxids(Path frames) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String line : Files.readAllLines(frames)) {
            com.fasterxml.jackson.databind.JsonNode delta;
            try {
                delta = json.readTree(line).path("mempool-transactions");
            } catch (com.fasterxml.jackson.core.JsonProcessingException cutOff) {
                continue; // a last line cut by the stop
            }
            delta.path("added").forEach(t -> ids.add(t.path("txid").asText()));
        }
        return ids;
    }
}
