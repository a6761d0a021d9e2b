package io.whalewatch.bootstrap.config;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration: built-in defaults &lt; {@code .env} file &lt; environment variables &lt;
 * command-line flags, keyed by the operations guide's names (DB_PATH, BROADCASTER_PORT, ...).
 */
public final class Settings {
    private final Map<String, String> values;
    private final java.util.Set<String> explicit;

    Settings(Map<String, String> values, java.util.Set<String> explicit) {
        this.values = Map.copyOf(values);
        this.explicit = java.util.Set.copyOf(explicit);
    }

    /** True when the key was set by the .env file, the environment or a flag (not a built-in default). */
    public boolean isExplicit(String key) {
        return explicit.contains(key) && isSet(key);
    }

    /** A copy with some values overridden (e.g. flags, or what the demo decides). */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        java.util.Set<String> keys = new java.util.HashSet<>(explicit);
        overrides.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
                keys.add(k);
            }
        });
        return new Settings(merged, keys);
    }

    public AdapterConfig adapterConfig() {
        return AdapterConfig.of(values);
    }

    public String get(String key) {
        return adapterConfig().find(key).orElse(null);
    }

    public boolean isSet(String key) {
        return adapterConfig().find(key).isPresent();
    }

    /** A comma-separated list setting, e.g. WHALEWATCH_PUBLISHERS=websocket,redis. */
    public List<String> list(String key) {
        String v = get(key);
        if (v == null) {
            return List.of();
        }
        return List.of(v.split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList();
    }

    /**
     * Validates the settings every command relies on, so a typo fails at start-up with the
     * setting's name rather than later. Adapters validate their own settings when created.
     */
    public Settings validated() {
        whaleThreshold();
        adapterConfig().getInt("BROADCASTER_PORT", 8765, 0, 65535);
        adapterConfig().getInt("API_PORT", 8001, 0, 65535);
        for (String key : List.of("WHALEWATCH_SOURCE", "WHALEWATCH_STORE", "WHALEWATCH_ADDRESS_BOOK", "WHALEWATCH_TOKENS")) {
            if (get(key) == null) {
                throw new AdapterException(key + " must name an adapter");
            }
        }
        return this;
    }

    /**
     * The whale rule: WHALE_THRESHOLD_BTC, WHALE_THRESHOLD_BASIS (transferred | total, default
     * transferred) and the optional WHALE_THRESHOLD_USD.
     */
    public io.whalewatch.domain.detection.WhaleThreshold whaleThreshold() {
        String basis = get("WHALE_THRESHOLD_BASIS") == null ? "transferred" : get("WHALE_THRESHOLD_BASIS");
        io.whalewatch.domain.detection.WhaleThreshold.AmountBasis amountBasis = switch (basis.toLowerCase(java.util.Locale.ROOT)) {
            case "transferred" -> io.whalewatch.domain.detection.WhaleThreshold.AmountBasis.TRANSFERRED;
            case "total" -> io.whalewatch.domain.detection.WhaleThreshold.AmountBasis.TOTAL;
            default -> throw new AdapterException("WHALE_THRESHOLD_BASIS=" + basis + " is not allowed; allowed: transferred, total");
        };
        java.util.OptionalDouble usd = isSet("WHALE_THRESHOLD_USD")
                ? java.util.OptionalDouble.of(adapterConfig().getDouble("WHALE_THRESHOLD_USD", 0, 0.01, 1e15))
                : java.util.OptionalDouble.empty();
        return new io.whalewatch.domain.detection.WhaleThreshold(
                io.whalewatch.domain.chain.Satoshis.ofBtc(whaleThresholdBtc()), amountBasis, usd);
    }

    /** The whale threshold in BTC, validated. */
    public double whaleThresholdBtc() {
        double btc = adapterConfig().getDouble("WHALE_THRESHOLD_BTC", 100.0, 0.00000001, 21_000_000);
        if (btc <= 0) {
            throw new AdapterException("WHALE_THRESHOLD_BTC must be a positive number of BTC");
        }
        return btc;
    }
}
