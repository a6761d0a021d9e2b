package io.whalewatch.adapter.labels;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Test addresses (deterministic, valid) and helpers to write fixture files and build books. */
final class Fixtures {
    private Fixtures() {
    }

    /** A valid P2PKH address, distinct per seed. */
    static String p2pkh(int seed) {
        return BitcoinAddress.legacy(0x00, BitcoinAddressTest.bytes(20, seed));
    }

    static String p2sh(int seed) {
        return BitcoinAddress.legacy(0x05, BitcoinAddressTest.bytes(20, seed));
    }

    static String p2wpkh(int seed) {
        return BitcoinAddress.segwit("bc", 0, BitcoinAddressTest.bytes(20, seed));
    }

    static String p2tr(int seed) {
        return BitcoinAddress.segwit("bc", 1, BitcoinAddressTest.bytes(32, seed));
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A book created through the provider, as bootstrap would. */
    static AddressBook book(Map<String, String> config) {
        return new LabelsAddressBookProvider().create(
                new AdapterContext(AdapterConfig.of(config), Clock.systemUTC(), Ports.none()));
    }

    /** A book over the given files only (no built-in list). */
    static AddressBook book(Path... files) {
        StringBuilder paths = new StringBuilder();
        for (Path f : files) {
            paths.append(paths.length() == 0 ? "" : ",").append(f);
        }
        return book(Map.of(AddressBookSources.PATHS_KEY, paths.toString(), AddressBookSources.BUILTIN_KEY, "false"));
    }
}
