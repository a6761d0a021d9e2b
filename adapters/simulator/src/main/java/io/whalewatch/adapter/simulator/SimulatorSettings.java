package io.whalewatch.adapter.simulator;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's settings. Keys (defaults): SIM_HOST (127.0.0.1), SIM_PORT (0 = any free port),
 * SIM_TX_RATE (5 tx/s), SIM_WHALE_SHARE (0.02), SIM_BLOCK_INTERVAL_SECONDS (30), SIM_TICK_MILLIS
 * (1000), SIM_SEED (random, logged), SIM_RBF_SHARE (0.02), SIM_EVICTION_SHARE (0.01),
 * SIM_PREVOUT_NULL (false), SIM_FEE_LEVEL (4 sat/vB), SIM_START_HEIGHT (900000), SIM_BLOCK_MAX_TXS
 * (0 = only the 4 MWU weight limit), SIM_CONVERSIONS_SECONDS (60), SIM_MAX_MESSAGE_BYTES (50000),
 * SIM_MAX_MESSAGES_PER_10S (100), SIM_SEND_BACKLOG_BYTES (10000000), SIM_GROUND_TRUTH_FILE (none),
 * SIM_RECORD_FILE (none), SIM_SCENARIO_FILE (none: a .properties or flat .json file with the same
 * keys; explicit settings override it).
 */
public record SimulatorSettings(String host, int port, double txRate, double whaleShare, double blockIntervalSeconds,
                                int tickMillis, long seed, double rbfShare, double evictionShare, boolean prevoutNull,
                                double feeLevel, int startHeight, int blockMaxTxs, double conversionsSeconds,
                                int maxMessageBytes, int maxMessagesPer10s, long sendBacklogBytes,
                                Path groundTruthFile, Path recordFile) {
    static final List<String> KEYS = List.of("SIM_HOST", "SIM_PORT", "SIM_TX_RATE", "SIM_WHALE_SHARE",
            "SIM_BLOCK_INTERVAL_SECONDS", "SIM_TICK_MILLIS", "SIM_SEED", "SIM_RBF_SHARE", "SIM_EVICTION_SHARE",
            "SIM_PREVOUT_NULL", "SIM_FEE_LEVEL", "SIM_START_HEIGHT", "SIM_BLOCK_MAX_TXS", "SIM_CONVERSIONS_SECONDS",
            "SIM_MAX_MESSAGE_BYTES", "SIM_MAX_MESSAGES_PER_10S", "SIM_SEND_BACKLOG_BYTES", "SIM_GROUND_TRUTH_FILE",
            "SIM_RECORD_FILE");

    /** Reads the settings; a scenario file (SIM_SCENARIO_FILE) supplies values not set explicitly. */
    public static SimulatorSettings from(AdapterConfig explicit) {
        Map<String, String> merged = new HashMap<>();
        explicit.find("SIM_SCENARIO_FILE").ifPresent(f -> merged.putAll(ScenarioFile.read(Path.of(f))));
        for (String key : KEYS) {
            explicit.find(key).ifPresent(v -> merged.put(key, v));
        }
        return parse(AdapterConfig.of(merged));
    }

    private static SimulatorSettings parse(AdapterConfig c) {
        return new SimulatorSettings(c.get("SIM_HOST", "127.0.0.1"), c.getInt("SIM_PORT", 0, 0, 65_535),
                c.getDouble("SIM_TX_RATE", 5, 0, 100_000), c.getDouble("SIM_WHALE_SHARE", 0.02, 0, 1),
                c.getDouble("SIM_BLOCK_INTERVAL_SECONDS", 30, 0.05, 86_400), c.getInt("SIM_TICK_MILLIS", 1000, 10, 60_000),
                seed(c), c.getDouble("SIM_RBF_SHARE", 0.02, 0, 1), c.getDouble("SIM_EVICTION_SHARE", 0.01, 0, 1),
                c.getBoolean("SIM_PREVOUT_NULL", false), c.getDouble("SIM_FEE_LEVEL", 4, 1, 10_000),
                c.getInt("SIM_START_HEIGHT", 900_000, 8, 10_000_000), c.getInt("SIM_BLOCK_MAX_TXS", 0, 0, 1_000_000),
                c.getDouble("SIM_CONVERSIONS_SECONDS", 60, 0.01, 86_400),
                c.getInt("SIM_MAX_MESSAGE_BYTES", 50_000, 16, 100_000_000),
                c.getInt("SIM_MAX_MESSAGES_PER_10S", 100, 1, 1_000_000),
                c.getInt("SIM_SEND_BACKLOG_BYTES", 10_000_000, 1024, Integer.MAX_VALUE),
                path(c, "SIM_GROUND_TRUTH_FILE"), path(c, "SIM_RECORD_FILE"));
    }

    private static long seed(AdapterConfig c) {
        Optional<String> v = c.find("SIM_SEED");
        if (v.isEmpty()) {
            return new java.security.SecureRandom().nextLong() & 0xffff_ffffL;
        }
        try {
            return Long.parseLong(v.get());
        } catch (NumberFormatException e) {
            throw new AdapterException("SIM_SEED=" + v.get() + " is not an integer; allowed any 64-bit integer");
        }
    }

    private static Path path(AdapterConfig c, String key) {
        return c.find(key).map(Path::of).orElse(null);
    }

    /** Ticks between blocks (at least 1): blocks are scheduled by tick count, keeping runs reproducible. */
    public long ticksPerBlock() {
        return Math.max(1, Math.round(blockIntervalSeconds * 1000 / tickMillis));
    }

    public long ticksPerConversion() {
        return Math.max(1, Math.round(conversionsSeconds * 1000 / tickMillis));
    }

    public double tickSeconds() {
        return tickMillis / 1000.0;
    }
}
