package io.whalewatch.bootstrap.cli;

import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.EdgeRuntime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code whalewatch edge}: an edge node that serves the alerts a detector publishes to Redis
 * (publisher "redis" enabled on the detector) to its own WebSocket clients, without a detector or
 * a database. Scale out by running several behind a load balancer.
 */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Serve alerts from the Redis stream (REDIS_URL, REDIS_STREAM) to WebSocket clients on BROADCASTER_PORT;"
                + " /health on API_PORT. No detector, no database. Needs JWT_SECRET_KEY (the detector's secret, so tokens work on both).")
final class EdgeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--redis", paramLabel = "URL",
            description = "Redis URL (REDIS_URL, default redis://127.0.0.1:6379); prefer the environment for URLs with a password")
    String redisUrl;

    @Override
    public Integer call() {
        Settings settings = config.resolve();
        Map<String, String> flags = new HashMap<>();
        flags.put("REDIS_URL", redisUrl);
        return EdgeRuntime.run(settings.with(flags));
    }
}
