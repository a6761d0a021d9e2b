package io.whalewatch.adapter.simulator.wire;

import java.util.Map;

/**
 * Builds server frames like mempool's backend: {@code '{' + keys.map(k => '"k": ' + v).join(', ') + '}'}
 * over pre-serialized compact values, so the outer level has ": " and ", " separators.
 */
public final class Frames {
    private Frames() {
    }

    /** Joins message types and their serialized values in the map's order; null values are dropped. */
    public static String join(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(values.values().stream().mapToInt(v -> v == null ? 0 : v.length()).sum()
                + 32 * values.size());
        sb.append('{');
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append('"').append(e.getKey()).append("\": ").append(e.getValue());
        }
        return sb.append('}').toString();
    }

    public static String single(String key, String value) {
        return "{\"" + key + "\": " + value + "}";
    }
}
