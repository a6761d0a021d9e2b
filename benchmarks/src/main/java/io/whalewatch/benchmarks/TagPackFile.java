package io.whalewatch.benchmarks;

import io.whalewatch.adapter.labels.BitcoinAddress;
import io.whalewatch.adapter.labels.LabelsAddressBookProvider;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

/**
 * A generated GraphSense-style TagPack of valid BTC exchange addresses (40% P2SH, 25% P2PKH,
 * 25% P2WPKH, 10% P2TR, seven exchanges), and loading it through the real "labels" provider.
 */
public final class TagPackFile {
    static final String[] EXCHANGES = {"binance", "bitmex", "okex", "kraken", "huobi", "bitfinex", "coinbase"};

    private TagPackFile() {
    }

    /** Writes {@code n} addresses to {@code pack}; returns them in order. */
    public static String[] write(Path pack, int n, long seed) throws IOException {
        Random random = new Random(seed);
        String[] addresses = new String[n];
        try (BufferedWriter out = Files.newBufferedWriter(pack)) {
            out.write("title: Benchmark exchange wallets\ncreator: whalewatch benchmarks\nconfidence: service_data\n"
                    + "category: exchange\ncurrency: BTC\nlastmod: 2024-01-01\nactor: binance\ntags:\n");
            for (int i = 0; i < n; i++) {
                addresses[i] = address(random, i);
                out.write("- address: " + addresses[i] + "\n  actor: " + EXCHANGES[i % EXCHANGES.length] + "\n");
            }
        }
        return addresses;
    }

    /** A valid address of the mix above (also used for addresses nobody listed). */
    public static String address(Random random, int i) {
        int kind = i % 20;
        if (kind < 8) {
            return BitcoinAddress.legacy(0x05, bytes(random, 20));
        }
        if (kind < 13) {
            return BitcoinAddress.legacy(0x00, bytes(random, 20));
        }
        return kind < 18 ? BitcoinAddress.segwit("bc", 0, bytes(random, 20)) : BitcoinAddress.segwit("bc", 1, bytes(random, 32));
    }

    /** The book the server would load from this pack (ADDRESS_BOOK_PATHS, no built-in list). */
    public static AddressBook load(Path pack) {
        AdapterConfig config = AdapterConfig.of(Map.of("ADDRESS_BOOK_PATHS", pack.toString(), "ADDRESS_BOOK_BUILTIN", "false"));
        return new LabelsAddressBookProvider().create(new AdapterContext(config, Clock.systemUTC(), Ports.none()));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
