package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reads the {@code filters} object of a subscribe message; errors are client-safe messages. */
final class FilterParser {
    private static final Set<String> KEYS = Set.of("flow_types", "min_btc", "min_urgency", "exchanges", "exclude_flags");

    private FilterParser() {
    }

    static AlertFilter parse(JsonNode filters) {
        if (filters == null || filters.isMissingNode() || filters.isNull()) {
            return AlertFilter.ALL;
        }
        if (!filters.isObject()) {
            throw new IllegalArgumentException("filters must be an object");
        }
        for (Iterator<String> it = filters.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown filter: " + key + " (allowed: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return new AlertFilter(
                names(filters.get("flow_types"), "flow_types", FlowType::fromWire),
                number(filters.get("min_btc"), "min_btc", Double.MAX_VALUE),
                number(filters.get("min_urgency"), "min_urgency", 1.0),
                names(filters.get("exchanges"), "exchanges", s -> s.trim().toLowerCase(Locale.ROOT)),
                names(filters.get("exclude_flags"), "exclude_flags", SignalFlag::fromWire));
    }

    private static double number(JsonNode n, String key, double max) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isNumber() || !(n.asDouble() >= 0 && n.asDouble() <= max)) {
            throw new IllegalArgumentException(key + " must be a number within 0.." + (max == 1.0 ? "1" : "21000000"));
        }
        return n.asDouble();
    }

    private static <T> Set<T> names(JsonNode n, String key, Function<String, T> parse) {
        Set<T> out = new HashSet<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray() || n.size() > 100) {
            throw new IllegalArgumentException(key + " must be an array of at most 100 strings");
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException(key + " must be an array of strings");
            }
            try {
                out.add(parse.apply(e.asText()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + ": unknown value '" + truncate(e.asText()) + "'");
            }
        }
        return out;
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
