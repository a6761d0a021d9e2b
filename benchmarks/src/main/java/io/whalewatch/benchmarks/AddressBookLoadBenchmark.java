package io.whalewatch.benchmarks;

import io.whalewatch.adapter.labels.BitcoinAddress;
import io.whalewatch.adapter.labels.LabelsAddressBookProvider;
import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Generates a realistic GraphSense TagPack (300,000 valid BTC addresses of several kinds and
 * exchanges, plus non-BTC tags), loads it through the "labels" provider, and prints load time,
 * addresses loaded, retained heap and lookups per second.
 *
 * <p>Usage: {@code java -cp ... io.whalewatch.benchmarks.AddressBookLoadBenchmark [btcTags]}.
 * Run with {@code -Xms1g -Xmx1g -XX:+UseSerialGC -XX:SoftRefLRUPolicyMSPerMB=0} for stable heap figures
 * (System.gc() + the memory MXBeans; soft references cleared at every collection).
 */
public final class AddressBookLoadBenchmark {
    private static final String[] ACTORS = {"binance", "bitmex", "okex", "kraken", "huobi", "bitfinex", "coinbase"};

    private AddressBookLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Path dir = Files.createTempDirectory("whalewatch-addressbook-bench");
        Path pack = dir.resolve("exchange-wallets-bench.yaml");
        String[] addresses = generate(pack, n);
        System.out.printf("generated %s: %,d BTC tags + %,d non-BTC tags, %.1f MB%n",
                pack.getFileName(), n, n / 100, Files.size(pack) / 1e6);

        warmUpClasses(dir);
        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        AddressBook book = load(pack);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long retained = usedHeapAfterGc() - heapBefore;
        System.out.printf("first load (cold JIT): %.2f s, %,d addresses loaded%n", loadSeconds, book.size());
        System.out.printf("retained heap of the book (heap after load - heap before): %.1f MB (%.1f bytes per address)%n",
                retained / 1e6, retained / (double) book.size());

        for (int i = 1; i <= 3; i++) {
            long r0 = System.nanoTime();
            book.reload();
            System.out.printf("reload %d (warm): %.2f s%n", i, (System.nanoTime() - r0) / 1e9);
        }
        lookups(book, addresses);
        compareWithHashMap(addresses);
        System.out.println("book still referenced: " + (book.size() == n));
        fromCache(pack, dir.resolve("book.cache"), n);

        Files.delete(pack);
        Files.delete(dir);
    }

    /**
     * The service's restart path: with ADDRESS_BOOK_CACHE set, a first load parses and writes the cache (in
     * the background), later loads of the unchanged pack read it back (fingerprint: CRC-32C of the pack).
     */
    private static void fromCache(Path pack, Path cache, int n) throws Exception {
        Map<String, String> settings = Map.of("ADDRESS_BOOK_PATHS", pack.toString(), "ADDRESS_BOOK_BUILTIN", "false",
                "ADDRESS_BOOK_CACHE", cache.toString());
        long t0 = System.nanoTime();
        load(settings).size();
        System.out.printf("load with ADDRESS_BOOK_CACHE, no cache yet (parse; the cache is written after): %.2f s%n",
                (System.nanoTime() - t0) / 1e9);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.isRegularFile(cache) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.printf("cache file: %.1f MB%n", Files.size(cache) / 1e6);
        for (int i = 1; i <= 3; i++) {
            long c0 = System.nanoTime();
            AddressBook cached = load(settings);
            System.out.printf("load %d from the cache: %.3f s, %,d addresses%n", i, (System.nanoTime() - c0) / 1e9, cached.size());
            if (cached.size() != n) {
                throw new IllegalStateException("the cache gave " + cached.size() + " addresses, the pack has " + n);
            }
        }
        Files.delete(cache);
    }

    /** Loads a one-tag pack so that class loading and static parser state are not counted as the book's heap. */
    private static void warmUpClasses(Path dir) throws IOException {
        Path tiny = dir.resolve("tiny.yaml");
        Files.writeString(tiny, "currency: BTC\nactor: binance\ntags:\n- address: "
                + BitcoinAddress.legacy(0, new byte[20]) + "\n");
        load(tiny).size();
        Files.delete(tiny);
    }

    private static AddressBook load(Path pack) {
        return load(Map.of("ADDRESS_BOOK_PATHS", pack.toString(), "ADDRESS_BOOK_BUILTIN", "false"));
    }

    private static AddressBook load(Map<String, String> settings) {
        return new LabelsAddressBookProvider().create(new AdapterContext(AdapterConfig.of(settings), Clock.systemUTC(), Ports.none()));
    }

    /** Writes the pack; returns the BTC addresses in order. Mix: 40% P2SH, 25% P2PKH, 25% P2WPKH, 10% P2TR. */
    private static String[] generate(Path pack, int n) throws IOException {
        Random random = new Random(42);
        String[] addresses = new String[n];
        try (BufferedWriter out = Files.newBufferedWriter(pack)) {
            out.write("title: Benchmark reserve wallets\ncreator: whalewatch benchmark\nconfidence: service_data\n"
                    + "category: exchange\ncurrency: BTC\nlabel: reserve wallet\nlastmod: 2024-01-01\n"
                    + "is_cluster_definer: true\nactor: bitmex\ntags:\n");
            for (int i = 0; i < n; i++) {
                addresses[i] = address(random, i);
                out.write("- address: " + addresses[i] + "\n");
                if (i % 10 == 0) {
                    out.write("  actor: " + ACTORS[i / 10 % ACTORS.length] + "\n");
                }
                if (i % 100 == 0) {
                    out.write("- address: '0x" + hex(random, 20) + "'\n  currency: ETH\n  label: reserve ETH\n");
                }
            }
        }
        return addresses;
    }

    private static String address(Random random, int i) {
        int kind = i % 20;
        if (kind < 8) {
            return BitcoinAddress.legacy(0x05, bytes(random, 20));
        }
        if (kind < 13) {
            return BitcoinAddress.legacy(0x00, bytes(random, 20));
        }
        return kind < 18 ? BitcoinAddress.segwit("bc", 0, bytes(random, 20)) : BitcoinAddress.segwit("bc", 1, bytes(random, 32));
    }

    private static void lookups(AddressBook book, String[] known) {
        Random random = new Random(7);
        int m = 1 << 16;
        String[] queries = new String[m];
        for (int i = 0; i < m; i++) {
            // Half hits, half misses (valid addresses nobody listed), as a detector sees them.
            queries[i] = i % 2 == 0 ? known[random.nextInt(known.length)] : address(random, i);
        }
        for (int round = 0; round < 2; round++) {
            int hits = 0;
            int total = 4_000_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < total; i++) {
                if (book.exchangeOf(queries[i & (m - 1)]).isPresent()) {
                    hits++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("lookups (1 thread, 50%% hits, round %d): %,.0f per second (%d%% hits)%n",
                    round + 1, total / seconds, Math.round(100.0 * hits / total));
        }
    }

    private static void compareWithHashMap(String[] addresses) {
        long before = usedHeapAfterGc();
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < addresses.length; i++) {
            // fresh Strings, as a parser would create them
            map.put(new String(addresses[i].toCharArray()), ACTORS[i % ACTORS.length]);
        }
        long retained = usedHeapAfterGc() - before;
        System.out.printf("for comparison, HashMap<String,String> of the same addresses: %.1f MB (%.1f bytes per address)%n",
                retained / 1e6, retained / (double) map.size());
    }

    /**
     * Heap in use after full collections, without the eden space: the thread-local allocation
     * buffers handed out in eden right after a collection count as "used" there and would add
     * megabytes of noise. A full collection leaves live objects outside eden.
     */
    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hex(Random random, int n) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes(random, n)) {
            s.append(String.format("%02x", b));
        }
        return s.toString();
    }
}
