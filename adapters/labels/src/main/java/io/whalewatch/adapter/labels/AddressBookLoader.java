package io.whalewatch.adapter.labels;

import io.whalewatch.application.spi.AdapterException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads all configured sources into a fresh {@link AddressTable}; never touches a published one. */
final class AddressBookLoader {
    static final String BUILTIN_RESOURCE = "builtin-exchange-wallets.csv";
    private static final Logger LOG = LoggerFactory.getLogger(AddressBookLoader.class);

    private final AddressBookSources sources;

    AddressBookLoader(AddressBookSources sources) {
        this.sources = sources;
    }

    /** @throws AdapterException naming the file (and line) at fault */
    AddressTable load() {
        long start = System.nanoTime();
        LabelSink sink = new LabelSink();
        if (sources.builtin()) {
            readBuiltin(sink);
        }
        for (Path path : sources.paths()) {
            readFile(path, sink);
        }
        AddressTable table = sink.build();
        LOG.info("address book: {} addresses of {} exchanges from {} file(s){} in {} ms, table {} KiB "
                        + "({} skipped: other currencies or categories; {} duplicates; {} relabelled by a later source)",
                table.size(), table.exchangeCount(), sources.paths().size(), sources.builtin() ? " + built-in list" : "",
                (System.nanoTime() - start) / 1_000_000, table.footprintBytes() / 1024, sink.skipped(),
                sink.duplicates(), sink.relabelled());
        return table;
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
