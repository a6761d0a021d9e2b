package io.whalewatch.bootstrap.cli;

import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.config.SettingsLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The operations guide's flags, shared by the commands that run the service. Flags beat everything. */
final class ConfigOptions {
    @Option(names = "--env-file", paramLabel = "FILE", description = "the .env file to read (default: ./.env if present)")
    Path envFile;

    @Option(names = "--db-path", paramLabel = "PATH", description = "DuckDB file (DB_PATH)")
    String dbPath;

    @Option(names = "--ws-host", paramLabel = "HOST", description = "alert WebSocket bind address (BROADCASTER_HOST)")
    String wsHost;

    @Option(names = "--ws-port", paramLabel = "PORT", description = "alert WebSocket port (BROADCASTER_PORT, default 8765)")
    String wsPort;

    @Option(names = "--api-port", paramLabel = "PORT", description = "REST API / dashboard port (API_PORT, default 8001)")
    String apiPort;

    @Option(names = "--mempool-url", paramLabel = "URL", description = "mempool.space WebSocket URL (MEMPOOL_WS_URL)")
    String mempoolUrl;

    @Option(names = "--whale-threshold", paramLabel = "BTC", description = "whale threshold in BTC (WHALE_THRESHOLD_BTC, default 100)")
    String whaleThreshold;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any other setting, e.g. --set SIM_TX_RATE=20")
    Map<String, String> extra = new LinkedHashMap<>();

    /** Defaults < .env < environment < these flags. */
    Settings resolve() {
        Path file = envFile == null ? Path.of(".env") : envFile;
        Settings settings = SettingsLoader.load(file, envFile != null, System.getenv());
        Map<String, String> flags = new LinkedHashMap<>(extra);
        flags.put("DB_PATH", dbPath);
        flags.put("BROADCASTER_HOST", wsHost);
        flags.put("BROADCASTER_PORT", wsPort);
        flags.put("API_PORT", apiPort);
        flags.put("MEMPOOL_WS_URL", mempoolUrl);
        flags.put("WHALE_THRESHOLD_BTC", whaleThreshold);
        return settings.with(flags).validated();
    }
}
