package io.whalewatch.adapter.simulator.wire;

import java.util.List;

/**
 * {@code MempoolDelta} ({sequence, added, removed, mined, replaced}) from pre-serialized
 * transactions, and its txid-only twin {@code MempoolDeltaTxids}.
 */
public final class DeltaJson {
    private DeltaJson() {
    }

    /** A replacement: the old txid, the new txid and the new transaction's JSON. */
    public record Replaced(String replaced, String byTxid, String byJson) {
    }

    public static String full(long sequence, List<String> addedJson, List<String> removed, List<String> mined,
                              List<Replaced> replaced) {
        StringBuilder sb = new StringBuilder(256 + addedJson.stream().mapToInt(String::length).sum() + addedJson.size()
                + 70 * (removed.size() + mined.size()) + replaced.stream().mapToInt(r -> r.byJson().length() + 90).sum());
        sb.append("{\"sequence\":").append(sequence).append(",\"added\":[");
        String sep = "";
        for (String a : addedJson) {
            sb.append(sep).append(a);
            sep = ",";
        }
        sb.append("],\"removed\":");
        strings(sb, removed);
        sb.append(",\"mined\":");
        strings(sb, mined);
        sb.append(",\"replaced\":[");
        sep = "";
        for (Replaced r : replaced) {
            sb.append(sep).append("{\"replaced\":\"").append(r.replaced()).append("\",\"by\":").append(r.byJson())
                    .append('}');
            sep = ",";
        }
        return sb.append("]}").toString();
    }

    public static String txids(long sequence, List<String> added, List<String> removed, List<String> mined,
                               List<Replaced> replaced) {
        StringBuilder sb = new StringBuilder(128 + 70 * (added.size() + removed.size() + mined.size()));
        sb.append("{\"sequence\":").append(sequence).append(",\"added\":");
        strings(sb, added);
        sb.append(",\"removed\":");
        strings(sb, removed);
        sb.append(",\"mined\":");
        strings(sb, mined);
        sb.append(",\"replaced\":[");
        String sep = "";
        for (Replaced r : replaced) {
            sb.append(sep).append("{\"replaced\":\"").append(r.replaced()).append("\",\"by\":\"").append(r.byTxid())
                    .append("\"}");
            sep = ",";
        }
        return sb.append("]}").toString();
    }

    /** Hex txids need no escaping. */
    private static void strings(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(values.get(i)).append('"');
        }
        sb.append(']');
    }
}
