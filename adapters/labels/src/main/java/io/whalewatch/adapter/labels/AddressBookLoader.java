package io.whalewatch.adapter.labels;

import io.whalewatch.application.spi.AdapterException;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads all configured sources into a fresh {@link AddressTable}; never touches a published one.
 * With a {@link AddressBookCache}, a load whose sources are unchanged since the cache was written
 * reads the table from the cache instead, and a load that parsed the sources writes the cache.
 */
final class AddressBookLoader {
    static final String BUILTIN_RESOURCE = "builtin-exchange-wallets.csv";
    private static final Logger LOG = LoggerFactory.getLogger(AddressBookLoader.class);

    private final AddressBookSources sources;
    private final AddressBookCache cache;
    private volatile Thread lastCacheWrite;

    AddressBookLoader(AddressBookSources sources) {
        this(sources, null);
    }

    /** @param cache where the parsed book is kept between starts; null for none */
    AddressBookLoader(AddressBookSources sources, AddressBookCache cache) {
        this.sources = sources;
        this.cache = cache;
    }

    /** @throws AdapterException naming the file (and line) at fault */
    AddressTable load() {
        return loadWithCounts().table();
    }

    /** The table and the counts of what was left out, from the cache when it matches the sources. */
    AddressBookLoad loadWithCounts() {
        long start = System.nanoTime();
        String fingerprint = cache == null ? null : fingerprint();
        AddressBookLoad load = fingerprint == null ? null : cache.read(fingerprint).orElse(null);
        if (load == null) {
            load = parseSources();
            if (fingerprint != null) {
                writeCacheInBackground(fingerprint, load);
            }
        }
        String from = load.fromCache() ? "cache " + cache.file() : "sources";
        AddressTable table = load.table();
        LOG.info("address book: {} addresses of {} exchanges from {} file(s){} in {} ms (read from the {}), table {} KiB "
                        + "({} skipped: other currencies or categories; {} duplicates; {} relabelled by a later source)",
                table.size(), table.exchangeCount(), sources.paths().size(), sources.builtin() ? " + built-in list" : "",
                (System.nanoTime() - start) / 1_000_000, from, table.footprintBytes() / 1024, load.skipped(),
                load.duplicates(), load.relabelled());
        return load;
    }

    /**
     * Writing the cache (about 50 ms for 300,000 addresses) need not delay the start that parsed:
     * the table is immutable, so a daemon thread writes it while the service goes on starting.
     */
    private void writeCacheInBackground(String fingerprint, AddressBookLoad load) {
        Thread writer = new Thread(() -> cache.write(fingerprint, load), "whalewatch-address-book-cache");
        writer.setDaemon(true);
        lastCacheWrite = writer;
        writer.start();
    }

    /** Waits until the cache write started by the last load (if any) is done (tests). */
    void awaitCacheWrite() throws InterruptedException {
        Thread writer = lastCacheWrite;
        if (writer != null) {
            writer.join();
        }
    }

    private AddressBookLoad parseSources() {
        LabelSink sink = new LabelSink();
        if (sources.builtin()) {
            readBuiltin(sink);
        }
        for (Path path : sources.paths()) {
            readFile(path, sink);
        }
        return new AddressBookLoad(sink.build(), sink.skipped(), sink.duplicates(), sink.relabelled(), false);
    }

    /**
     * What the cache must have been written from to be used now: the parsing code (the jar's size and
     * modification time, so a new build never trusts an old cache), the built-in list's checksum, and
     * every source in order with its absolute path, size and CRC-32C. Reading the sources to checksum
     * them costs tens of milliseconds (20 MB: 40-160 ms in a fresh JVM); parsing them costs about a second.
     * Null when a source cannot be read: the parse that follows reports it properly.
     */
    String fingerprint() {
        StringBuilder print = new StringBuilder("code=").append(codeIdentity());
        try {
            if (sources.builtin()) {
                try (InputStream in = AddressBookLoader.class.getResourceAsStream(BUILTIN_RESOURCE)) {
                    print.append(";builtin=").append(in == null ? "missing" : Long.toHexString(crc32c(in)));
                }
            }
            for (Path path : sources.paths()) {
                try (InputStream in = new FileInputStream(path.toFile())) {
                    print.append(';').append(path.toAbsolutePath().normalize()).append(':').append(Files.size(path))
                            .append(':').append(Long.toHexString(crc32c(in)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return print.toString();
    }

    private static long crc32c(InputStream in) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] chunk = new byte[64 * 1024];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            crc.update(chunk, 0, n);
        }
        return crc.getValue();
    }

    /** The jar holding this class, by size and modification time; "classes" when run from a directory. */
    private static String codeIdentity() {
        try {
            var codeSource = AddressBookLoader.class.getProtectionDomain().getCodeSource();
            if (codeSource != null && codeSource.getLocation() != null) {
                Path location = Path.of(codeSource.getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    return location.getFileName() + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // fall through: the code is not in a jar we can identify
        }
        return "classes";
    }

    private static void readBuiltin(LabelSink sink) {
        InputStream stream = AddressBookLoader.class.getResourceAsStream(BUILTIN_RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("built-in address list " + BUILTIN_RESOURCE + " is missing from the jar");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            CsvLabels.read("built-in:" + BUILTIN_RESOURCE, in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFile(Path path, LabelSink sink) {
        String source = path.toString();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            switch (LabelFormat.detect(path.getFileName().toString(), in)) {
                case TAGPACK -> TagPackLabels.read(source, in, () -> Files.newBufferedReader(path, StandardCharsets.UTF_8), sink);
                case BIP329 -> Bip329Labels.read(source, in, sink);
                case CSV -> CsvLabels.read(source, in, sink);
                default -> throw new IllegalStateException();
            }
        } catch (IOException | UncheckedIOException e) {
            throw new AdapterException(AddressBookSources.PATHS_KEY + ": cannot read " + source + ": " + e, e);
        }
    }
}
