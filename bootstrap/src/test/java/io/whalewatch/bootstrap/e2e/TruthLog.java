package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulator's ground truth ({@code SIM_GROUND_TRUTH_FILE}), read up to a line count: whales
 * with the number of mempool-tracking clients their announcing frame was handed to
 * ({@code trackers}), and what became of each transaction (mined, replaced, dropped).
 */
final class TruthLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, JsonNode> whales = new LinkedHashMap<>();
    final Map<String, Long> minedAt = new HashMap<>();
    final Map<String, String> replacedBy = new HashMap<>();
    final Set<String> dropped = new java.util.HashSet<>();
    final Map<Long, JsonNode> blocks = new HashMap<>();

    static long lineCount(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    static TruthLog read(Path file, long lines) throws IOException {
        TruthLog t = new TruthLog();
        List<String> all = Files.readAllLines(file);
        for (String line : all.subList(0, (int) Math.min(lines, all.size()))) {
            t.add(JSON.readTree(line));
        }
        return t;
    }

    private void add(JsonNode e) {
        String txid = e.path("txid").asText();
        switch (e.path("event").asText()) {
            case "whale" -> whales.put(txid, e);
            case "mined" -> minedAt.put(txid, e.path("height").asLong());
            case "replaced" -> replacedBy.put(txid, e.path("by").asText());
            case "dropped" -> dropped.add(txid);
            case "block" -> blocks.put(e.path("height").asLong(), e);
            default -> { }
        }
    }

    /** The whales a stream client could see: those whose announcing frame reached the detector. */
    Set<String> deliveredWhales() {
        return whales.values().stream().filter(w -> w.path("trackers").asInt() > 0)
                .map(w -> w.path("txid").asText()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The whales of the frame that announced the most of them (the giant frame). */
    List<String> largestAnnouncement() {
        Map<Long, List<String>> bySequence = new HashMap<>();
        whales.values().forEach(w -> bySequence.computeIfAbsent(w.path("sequence").asLong(), k -> new ArrayList<>())
                .add(w.path("txid").asText()));
        return bySequence.values().stream().max(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
    }

    /** Whales mined in the block at {@code height}. */
    Set<String> minedIn(long height) {
        return minedAt.entrySet().stream().filter(e -> e.getValue() == height && whales.containsKey(e.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
