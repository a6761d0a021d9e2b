package io.whalewatch.application.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings for adapters, keyed by the operations guide's names (e.g. {@code DB_PATH},
 * {@code BROADCASTER_PORT}). Bootstrap resolves precedence (defaults &lt; .env &lt; environment
 * &lt; flags) before building this; adapters only read. Invalid values fail with the name of the
 * setting and what is allowed.
 */
public final class AdapterConfig {
    private final Map<String, String> values;

    private AdapterConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static AdapterConfig of(Map<String, String> values) {
        return new AdapterConfig(values);
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public String require(String key) {
        return find(key).orElseThrow(() -> new AdapterException(key + " is required but not set"));
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        return find(key).map(v -> parseInt(key, v, min, max)).orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue, double min, double max) {
        return find(key).map(v -> parseDouble(key, v, min, max)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return find(key).map(v -> parseBoolean(key, v)).orElse(defaultValue);
    }

    /** A duration given in seconds (the guide's convention, e.g. CHECK_INTERVAL=300). */
    public Duration getSeconds(String key, Duration defaultValue) {
        return find(key).map(v -> Duration.ofMillis(Math.round(parseDouble(key, v, 0, 31_536_000) * 1000)))
                .orElse(defaultValue);
    }

    /** All settings with secrets masked, for start-up logs. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, isSecret(k) ? "********" : v));
        return shown;
    }

    /** True for keys whose values must never be printed. */
    public static boolean isSecret(String key) {
        String k = key.toUpperCase(java.util.Locale.ROOT);
        return k.contains("SECRET") || k.contains("PASSWORD") || k.contains("TOKEN") || k.endsWith("_KEY");
    }

    private static int parseInt(String key, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new AdapterException(key + "=" + v + " is out of range; allowed " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AdapterException(key + "=" + v + " is not an integer; allowed " + min + ".." + max);
        }
    }

    private static double parseDouble(String key, String v, double min, double max) {
        try {
            double n = Double.parseDouble(v);
            if (!(n >= min && n <= max)) {
                throw new AdapterException(key + "=" + v + " is out of range; allowed " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AdapterException(key + "=" + v + " is not a number; allowed " + min + ".." + max);
        }
    }

    private static boolean parseBoolean(String key, String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new AdapterException(key + "=" + v + " is not a boolean; allowed true/false");
        };
    }
}
