package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB native library in the runnable jar. DuckDB's driver copies it out of the class path to a temp
 * file on every start; stored uncompressed that copy is a plain file copy instead of inflating 71 MB (about
 * 290 ms of the start-up). The jar must stay self-contained and runnable wherever it is copied.
 */
class DuckDbNativePackagingIT {
    private static final String X86_64 = "libduckdb_java.so_linux_amd64";

    @TempDir
    Path dir;

    @Test
    void theX8664LibraryIsStoredUncompressedWithTheDriversOwnBytes() throws Exception {
        try (ZipFile jar = new ZipFile(JarProcess.JAR.toFile()); ZipFile driver = new ZipFile(driverJar().toFile())) {
            ZipEntry stored = jar.getEntry(X86_64);
            ZipEntry original = driver.getEntry(X86_64);
            assertThat(stored).as(X86_64 + " in " + JarProcess.JAR).isNotNull();
            assertThat(stored.getMethod()).as("compression method of " + X86_64).isEqualTo(ZipEntry.STORED);
            assertThat(stored.getSize()).isEqualTo(original.getSize()).isGreaterThan(10_000_000L);
            assertThat(stored.getCrc()).isEqualTo(original.getCrc());
            assertThat(jar.getEntry("libduckdb_java.so_linux_arm64")).as("the arm64 library is still packaged").isNotNull();
        }
    }

    @Test
    void theRepackedJarKeepsItsManifestFirstWithTheMainClass() throws Exception {
        try (InputStream in = Files.newInputStream(JarProcess.JAR); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest).as("JarInputStream finds the manifest only near the start of the archive").isNotNull();
            Attributes main = manifest.getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("io.whalewatch.bootstrap.Main");
            assertThat(main.getValue("Multi-Release")).isEqualTo("true");
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void theJarCopiedAloneLoadsTheLibraryThroughAPlainCopyAndOpensADatabase() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Path jar = Files.copy(JarProcess.JAR, alone.resolve("whalewatch.jar"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path db = dir.resolve("alone.db");
        List<String> command = List.of(JarProcess.javaBin(), "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-Xlog:library=info",
                "-jar", jar.toString(), "serve", "--init-db-only", "--db-path", db.toString());
        try (JarProcess p = JarProcess.launch(dir, Map.of(), command, "alone")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isZero();
            // the driver's own loader unpacked it from the class path into java.io.tmpdir and removed it at exit
            assertThat(p.stdout()).containsPattern("Loaded library " + java.util.regex.Pattern.quote(tmp.toString())
                    + "/libduckdb_java\\d+\\.so");
        }
        assertThat(E2e.storedTxids(db)).isEmpty();
        try (var left = Files.list(tmp)) {
            assertThat(left).as("temp copies left behind").isEmpty();
        }
    }

    @Test
    void aKilledServerLeavesNoCopyOfTheLibraryInTheTempDirectory() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp-serve"));
        Map<String, String> env = Map.of("JWT_SECRET_KEY", E2e.SECRET, "BROADCASTER_PORT", "0", "API_PORT", "0",
                "WEB_PORTS_FILE", dir.resolve("ports.json").toString(), "DB_PATH", dir.resolve("serve.db").toString());
        try (JarProcess serve = JarProcess.startWithJvm(dir, env, List.of("-Xmx256m", "-Djava.io.tmpdir=" + tmp),
                "serve", "--mempool-url", "ws://127.0.0.1:" + E2e.freePort() + "/api/v1/ws")) {
            E2e.awaitPorts(dir.resolve("ports.json"), serve); // listening: the store was opened before
            assertThat(libraryCopies(tmp)).as("the unpacked library while serving (removed once loaded)\n" + serve.describe())
                    .isEmpty();
            serve.kill(); // SIGKILL: no deleteOnExit runs
            assertThat(serve.isAlive()).isFalse();
        }
        assertThat(libraryCopies(tmp)).as("copies left behind by a kill -9").isEmpty();
    }

    /** The names of DuckDB's unpacked library copies in {@code tmp}. */
    private static List<String> libraryCopies(Path tmp) throws Exception {
        try (var files = Files.list(tmp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("libduckdb_java")).toList();
        }
    }

    private static Path driverJar() throws Exception {
        Path lib = Path.of(System.getProperty("whalewatch.lib", "target/lib"));
        try (var files = Files.list(lib)) {
            return files.filter(f -> f.getFileName().toString().matches("duckdb_jdbc-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no duckdb_jdbc jar in " + lib));
        }
    }
}
