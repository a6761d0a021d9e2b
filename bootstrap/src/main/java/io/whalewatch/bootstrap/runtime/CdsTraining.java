package io.whalewatch.bootstrap.runtime;

import io.whalewatch.bootstrap.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --cds-training}: runs the service's whole start-up once and stops again, so that a JVM
 * started with {@code -XX:ArchiveClassesAtExit=FILE} writes an AppCDS archive of every class the
 * start-up loads. Started later with {@code -XX:SharedArchiveFile=FILE}, the JVM maps those classes
 * instead of loading and verifying them from the jar (the README's "Faster start-up").
 *
 * <p>It never touches the operator's data or ports: the database is a scratch file in a temporary
 * directory (deleted afterwards), both ports are free ones picked by the system, the source tries a
 * closed loopback port instead of the real upstream (no traffic from an install step), and the JWT
 * secret is random unless one is configured. The configured address book is loaded as usual.
 */
public final class CdsTraining {
    private static final Logger LOG = LoggerFactory.getLogger(CdsTraining.class);
    /** Lets the source's first connection attempt run, so its classes are archived too. */
    private static final long SOURCE_GRACE_MILLIS = 1_000;

    private CdsTraining() {
    }

    public static int run(Settings configured) {
        Path dir;
        try {
            dir = Files.createTempDirectory("whalewatch-cds-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, String> scratch = new LinkedHashMap<>();
            scratch.put("DB_PATH", dir.resolve("training.db").toString());
            scratch.put("API_PORT", "0"); // 0: free ports for both the API and the WebSocket
            scratch.put("BROADCASTER_HOST", "127.0.0.1");
            scratch.put("API_HOST", "127.0.0.1");
            scratch.put("MEMPOOL_WS_URL", "ws://127.0.0.1:9/api/v1/ws"); // the discard port: nothing listens
            if (!configured.isSet("JWT_SECRET_KEY")) {
                scratch.put("JWT_SECRET_KEY", HexFormat.of().formatHex(new SecureRandom().generateSeed(32)));
            }
            Settings settings = configured.with(scratch);
            try (WhaleWatchRuntime runtime = WhaleWatchRuntime.start(settings, Clock.systemUTC())) {
                LOG.info("class-data training: started ({} addresses); stopping", runtime.addressBook().size());
                Thread.sleep(SOURCE_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete the training directory {}: {}", dir, e.toString());
        }
    }
}
