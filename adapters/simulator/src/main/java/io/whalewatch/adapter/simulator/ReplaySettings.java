package io.whalewatch.adapter.simulator;

import io.whalewatch.application.spi.AdapterConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replay mode: instead of generating traffic, the simulator streams a recorded frames file
 * ({@code SIM_RECORD_FILE} format, one frame per line) to clients that track the mempool.
 * Keys (defaults): SIM_REPLAY_FILE (none = generating mode), SIM_REPLAY_RATE (0 = as fast as the
 * clients read; else frames per second), SIM_REPLAY_CLIENTS (1: frames start once this many clients
 * track the mempool), SIM_REPLAY_LOG_FILE (none: "lineIndex epochMicros" per frame, the wall-clock
 * time just before the frame was handed to the sockets, for latency measurements), SIM_REPLAY_START
 * ({@code clients}; {@code admin}: additionally wait for {@code POST /sim/replay/start}, so a harness
 * can first connect its own clients downstream).
 */
record ReplaySettings(Path file, double framesPerSecond, int clients, Path logFile, boolean waitForAdmin) {

    static ReplaySettings from(AdapterConfig c) {
        Path file = c.find("SIM_REPLAY_FILE").map(Path::of).orElse(null);
        if (file != null && !Files.isReadable(file)) {
            throw new io.whalewatch.application.spi.AdapterException("SIM_REPLAY_FILE=" + file + " is not a readable file");
        }
        return new ReplaySettings(file, c.getDouble("SIM_REPLAY_RATE", 0, 0, 1_000_000),
                c.getInt("SIM_REPLAY_CLIENTS", 1, 1, 1_000_000), c.find("SIM_REPLAY_LOG_FILE").map(Path::of).orElse(null),
                start(c));
    }

    private static boolean start(AdapterConfig c) {
        String v = c.get("SIM_REPLAY_START", "clients");
        if (!v.equals("clients") && !v.equals("admin")) {
            throw new io.whalewatch.application.spi.AdapterException("SIM_REPLAY_START=" + v + " is invalid; allowed: clients, admin");
        }
        return v.equals("admin");
    }

    static ReplaySettings none() {
        return new ReplaySettings(null, 0, 1, null, false);
    }

    boolean enabled() {
        return file != null;
    }
}
