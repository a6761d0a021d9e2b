package io.whalewatch.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an operator meets it: clear refusals, the init path, and the module-path layout. */
class CliIT {
    @TempDir
    Path dir;

    @Test
    void serveRefusesToStartWithoutAStrongSecret() throws Exception {
        assertRefused(Map.of(), "JWT_SECRET_KEY is required", "serve");
        assertRefused(Map.of("JWT_SECRET_KEY", "your-secret-key-here-change-in-production"), "placeholder", "serve");
        assertRefused(Map.of("JWT_SECRET_KEY", "too-short"), "at least 32 bytes", "serve");
    }

    @Test
    void unknownAdapterNamesFailFastListingTheAvailableOnes() throws Exception {
        assertRefused(Map.of("JWT_SECRET_KEY", E2e.SECRET), "available: [duckdb]", "serve", "--set", "WHALEWATCH_STORE=nope");
    }

    @Test
    void invalidSettingsNameTheSetting() throws Exception {
        assertRefused(Map.of(), "WHALE_THRESHOLD_BTC", "serve", "--init-db-only", "--whale-threshold", "lots");
    }

    @Test
    void initDbOnlyCreatesTheDatabaseAndExits() throws Exception {
        Path db = dir.resolve("init/predictions.db");
        try (JarProcess p = JarProcess.start(dir, Map.of(), "serve", "--init-db-only", "--db-path", db.toString())) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isZero();
        }
        assertThat(E2e.storedTxids(db)).isEmpty();
    }

    @Test
    void anUnreadableAddressBookFailsTheStartNamingTheFileWhileTheStoreOpensBesideIt() throws Exception {
        Path missing = dir.resolve("no-such-book.csv");
        assertRefused(Map.of("JWT_SECRET_KEY", E2e.SECRET, "ADDRESS_BOOK_PATHS", missing.toString()),
                "ADDRESS_BOOK_PATHS", "serve", "--db-path", dir.resolve("book-fails.db").toString(), "--api-port", "0");
        try (JarProcess p = JarProcess.start(dir, Map.of(), "serve", "--init-db-only", "--db-path", dir.resolve("book-fails.db").toString())) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as("the store was closed cleanly: " + p.describe()).isZero();
        }
    }

    /** The parsed address book is kept next to the database, read back by the next start, and can be switched off. */
    @Test
    void theNextStartReadsTheAddressBookFromTheCacheNextToTheDatabase() throws Exception {
        Path db = dir.resolve("book-cache/predictions.db");
        assertThat(addressBookReadFrom(db, Map.of())).isEqualTo("sources");
        assertThat(dir.resolve("book-cache/predictions.db.addressbook")).isRegularFile();
        assertThat(addressBookReadFrom(db, Map.of())).isEqualTo("cache");
        assertThat(addressBookReadFrom(db, Map.of("ADDRESS_BOOK_CACHE", "off"))).isEqualTo("sources");
        Path elsewhere = dir.resolve("elsewhere.cache");
        assertThat(addressBookReadFrom(db, Map.of("ADDRESS_BOOK_CACHE", elsewhere.toString()))).isEqualTo("sources");
        assertThat(elsewhere).isRegularFile();
    }

    private String addressBookReadFrom(Path db, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("JWT_SECRET_KEY", E2e.SECRET);
        env.put("BROADCASTER_PORT", "0");
        try (JarProcess p = JarProcess.start(dir, env, "serve", "--db-path", db.toString(), "--api-port", "0",
                "--mempool-url", "ws://127.0.0.1:9/api/v1/ws")) {
            String from = p.awaitStderr("address book: \\d+ addresses .* \\(read from the (sources|cache)", Duration.ofSeconds(60));
            if (from.equals("sources") && !"off".equals(extraEnv.get("ADDRESS_BOOK_CACHE"))) {
                // the cache is written on a background thread after that line; stopping sooner would lose it
                p.awaitStderr("address book cache (\\S+) written", Duration.ofSeconds(60));
            }
            p.stop();
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isIn(0, 143);
            return from;
        }
    }

    @Test
    void cdsTrainingWritesAClassDataArchiveThatTheNextStartMaps() throws Exception {
        Path archive = dir.resolve("whalewatch.jsa");
        try (JarProcess p = JarProcess.startWithJvm(dir, Map.of(), List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error"),
                "serve", "--cds-training")) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).as(p.describe()).isZero();
            assertThat(p.stderr()).contains("class-data training: started");
        }
        assertThat(archive).isRegularFile();
        assertThat(dir.resolve("data")).as("the training never uses DB_PATH's default").doesNotExist();
        // -Xshare:on refuses to start when the archive cannot be mapped; class+load names each class's source
        try (JarProcess p = JarProcess.startWithJvm(dir, Map.of(), List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on",
                "-Xlog:class+load=info"), "serve", "--init-db-only", "--db-path", dir.resolve("mapped.db").toString())) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isZero();
            assertThat(p.stdout()).contains("io.whalewatch.adapter.store.duckdb.SchemaMigrator source: shared objects file (top)");
        }
    }

    @Test
    void theModulePathLayoutRunsTooWithEveryAdapterBoundAsAService() throws Exception {
        Path lib = Path.of(System.getProperty("whalewatch.lib", "target/lib"));
        List<String> command = new ArrayList<>(List.of(JarProcess.javaBin(), "--module-path",
                lib.toAbsolutePath() + java.io.File.pathSeparator + bootstrapJar(),
                "--module", "io.whalewatch.bootstrap/io.whalewatch.bootstrap.Main"));
        command.addAll(List.of("serve", "--init-db-only", "--db-path", dir.resolve("modular.db").toString()));
        try (JarProcess p = JarProcess.launch(dir, Map.of(), command, "modular")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isZero();
        }
        List<String> token = new ArrayList<>(command.subList(0, 5));
        token.addAll(List.of("token", "create", "modular", "--permissions", "read", "write"));
        try (JarProcess p = JarProcess.launch(dir, Map.of("JWT_SECRET_KEY", E2e.SECRET), token, "modular-token")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isZero();
            assertThat(p.stdout().trim()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        }
    }

    private static String bootstrapJar() throws Exception {
        try (var files = Files.list(JarProcess.JAR.toAbsolutePath().getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("whalewatch-bootstrap-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("bootstrap module jar not built")).toString();
        }
    }

    private void assertRefused(Map<String, String> env, String message, String... args) throws Exception {
        try (JarProcess p = JarProcess.start(dir, env, args)) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.describe()).isEqualTo(2);
            assertThat(p.stderr()).contains(message);
        }
    }
}
