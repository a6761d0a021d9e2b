package io.whalewatch.bootstrap.cli;

import io.whalewatch.application.port.out.AccessTokens.Permission;
import io.whalewatch.application.spi.MempoolSimulator;
import io.whalewatch.bootstrap.config.Settings;
import io.whalewatch.bootstrap.runtime.RunUntilStopped;
import io.whalewatch.bootstrap.runtime.SimulatorLauncher;
import io.whalewatch.bootstrap.runtime.Tokens;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code whalewatch demo}: the simulator on loopback plus the full service against it, with a
 * random JWT secret (unless JWT_SECRET_KEY is set) and a ready token printed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the simulator on loopback and the detector against it; prints a token and the URLs.")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_DB = "data/demo.db";

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings base = config.resolve();
        Map<String, String> demo = new LinkedHashMap<>();
        if (!base.isExplicit("JWT_SECRET_KEY")) {
            demo.put("JWT_SECRET_KEY", randomSecret());
        }
        if (!base.isExplicit("DB_PATH")) {
            demo.put("DB_PATH", DEMO_DB);
        }
        demo.putIfAbsent("SIM_HOST", "127.0.0.1");
        Settings withSecret = base.with(demo);
        MempoolSimulator simulator = SimulatorLauncher.start(withSecret);
        URI ws = simulator.start();
        Settings settings = withSecret.with(Map.of("MEMPOOL_WS_URL", ws.toString(), "MEMPOOL_API_URL", simulator.restBase().toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        String token = Tokens.of(settings, Clock.systemUTC()).issue("demo", Set.of(Permission.READ, Permission.WRITE, Permission.ADMIN), Duration.ofHours(24));
        return RunUntilStopped.run(settings, runtime -> printWelcome(settings, ws, token));
    }

    private void printWelcome(Settings s, URI simulator, String token) {
        PrintWriter out = spec.commandLine().getOut();
        String wsPort = s.get("BROADCASTER_PORT");
        String apiPort = s.get("API_PORT");
        out.println();
        out.println("whalewatch demo is running (Ctrl+C to stop)");
        out.println("  simulator (mempool.space protocol): " + simulator);
        out.println("  token:      " + token);
        out.println("  alerts:     ws://localhost:" + wsPort + "/   (first message {\"type\":\"auth\",\"token\":\"<token>\"})");
        out.println("  dashboard:  http://localhost:" + apiPort + "/?token=" + token);
        out.println("  health:     http://localhost:" + apiPort + "/health");
        out.println("  database:   " + s.get("DB_PATH"));
        out.println("TOKEN=" + token);
        out.flush();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
