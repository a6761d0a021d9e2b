package io.whalewatch.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator's ground truth says became of a whale: its RBF chain is followed (replaced by,
 * replaced by, ...) to the transaction that decides it, then that one's fate (mined at a height,
 * dropped, or still pending). Line numbers are kept so a test can tell what happened while the
 * detector was down.
 */
final class GroundTruthFates {
    /** The fate of one whale: {@code last} decides it; {@code replacedAtLines} lists its chain's replacement lines. */
    record Fate(String txid, String last, Integer minedHeight, boolean dropped, List<Integer> replacedAtLines) {
        boolean replaced() {
            return !last.equals(txid);
        }
    }

    private final Map<String, String> replacedBy = new HashMap<>();
    private final Map<String, Integer> replacedLine = new HashMap<>();
    private final Map<String, Integer> mined = new HashMap<>();
    private final Map<String, Integer> dropped = new HashMap<>();
    private final Map<String, Integer> announced = new HashMap<>();
    private final Map<String, Integer> minedLine = new HashMap<>();
    private final List<JsonNode> events;

    GroundTruthFates(List<JsonNode> events) {
        this.events = events;
        for (int line = 0; line < events.size(); line++) {
            JsonNode e = events.get(line);
            String txid = e.path("txid").asText();
            switch (e.path("event").asText()) {
                case "replaced" -> {
                    replacedBy.put(txid, e.path("by").asText());
                    replacedLine.put(txid, line);
                }
                case "mined" -> {
                    mined.put(txid, e.path("height").asInt());
                    minedLine.put(txid, line);
                }
                case "dropped" -> dropped.put(txid, line);
                case "whale" -> announced.putIfAbsent(txid, line);
                default -> { }
            }
        }
    }

    /** Every whale announced, in order. */
    List<String> whales() {
        return events.stream().filter(e -> "whale".equals(e.path("event").asText())).map(e -> e.path("txid").asText()).toList();
    }

    Fate fate(String txid) {
        String last = txid;
        List<Integer> lines = new ArrayList<>();
        for (int hops = 0; replacedBy.containsKey(last) && hops < 100; hops++) {
            String next = replacedBy.get(last);
            if (!announced.containsKey(next) && !mined.containsKey(next)) {
                // a deferred replacement is written here when decided but announced a tick later; the run
                // ended first, so the detector saw only the removal: a (provisional) drop
                return new Fate(txid, last, null, true, lines);
            }
            lines.add(replacedLine.get(last));
            last = next;
        }
        return new Fate(txid, last, mined.get(last), dropped.containsKey(last) && !mined.containsKey(last), lines);
    }

    /** The line of the event that decided a whale (its chain's mining or drop); MAX_VALUE while undecided. */
    int decidedLine(String txid) {
        String last = fate(txid).last();
        return minedLine.getOrDefault(last, dropped.getOrDefault(last, Integer.MAX_VALUE));
    }

    /** The line announcing a whale. */
    int line(String txid) {
        return announced.get(txid);
    }
}
