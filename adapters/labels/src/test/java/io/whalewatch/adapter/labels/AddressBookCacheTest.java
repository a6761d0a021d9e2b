package io.whalewatch.adapter.labels;

import static io.whalewatch.adapter.labels.Fixtures.p2pkh;
import static io.whalewatch.adapter.labels.Fixtures.p2sh;
import static io.whalewatch.adapter.labels.Fixtures.p2tr;
import static io.whalewatch.adapter.labels.Fixtures.p2wpkh;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.AddressBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsed book kept in a file between starts: used only when it matches the sources exactly. */
class AddressBookCacheTest {
    @TempDir
    Path dir;
    private Path csv;
    private Path pack;
    private Path jsonl;
    private Path cacheFile;

    @BeforeEach
    void writeSources() {
        StringBuilder rows = new StringBuilder("exchange_name,address\n");
        for (int i = 0; i < 500; i++) {
            rows.append(i % 3 == 0 ? "Binance" : "Kraken").append(',').append(p2pkh(i)).append('\n');
        }
        rows.append("Binance,").append(p2pkh(3)).append('\n'); // a duplicate, counted
        csv = Fixtures.write(dir, "book.csv", rows.toString());
        StringBuilder tags = new StringBuilder("title: t\ncreator: tests\nconfidence: service_data\ncategory: exchange\n"
                + "currency: BTC\nlabel: wallet\nlastmod: 2024-01-01\nactor: bitfinex\ntags:\n");
        for (int i = 0; i < 500; i++) {
            tags.append("- address: ").append(i % 2 == 0 ? p2wpkh(i) : p2tr(i)).append('\n');
        }
        tags.append("- address: '0x").append("ab".repeat(20)).append("'\n  currency: ETH\n"); // skipped, counted
        pack = Fixtures.write(dir, "pack.yaml", tags.toString());
        // relabels p2pkh(2) from Kraken to OKX
        jsonl = Fixtures.write(dir, "more.jsonl", "{\"type\":\"addr\",\"ref\":\"" + p2pkh(2) + "\",\"label\":\"okex\"}\n"
                + "{\"type\":\"addr\",\"ref\":\"" + p2sh(7) + "\",\"label\":\"coinbase\"}\n");
        cacheFile = dir.resolve("cache").resolve("book.cache");
    }

    @Test
    void aSecondLoadReadsTheCacheAndGivesTheSameTable() {
        AddressBookLoad parsed = loaded(loader(true));
        assertThat(parsed.fromCache()).isFalse();
        assertThat(cacheFile).isRegularFile();

        AddressBookLoad cached = loaded(loader(true));
        assertThat(cached.fromCache()).isTrue();
        assertSameTable(cached.table(), parsed.table());
        assertThat(List.of(cached.skipped(), cached.duplicates(), cached.relabelled()))
                .containsExactly(parsed.skipped(), parsed.duplicates(), parsed.relabelled())
                .containsExactly(1, 1, 1);
        assertThat(cached.table().lookup(BitcoinAddress.pack(p2pkh(2)))).isEqualTo("OKX");
        assertThat(cached.table().lookup(BitcoinAddress.pack(p2tr(1)))).isEqualTo("Bitfinex");
        assertThat(cached.table().lookup(BitcoinAddress.pack(p2pkh(999)))).isNull();
    }

    @Test
    void aSourceChangedToTheSameSizeIsParsedAgainAndTheCacheRewritten() throws IOException {
        loaded(loader(true));
        String text = Files.readString(csv);
        Files.writeString(csv, text.replaceFirst("Kraken", "Krakex")); // same length, other exchange
        AddressBookLoad changed = loaded(loader(true));
        assertThat(changed.fromCache()).isFalse();
        assertThat(changed.table().lookup(BitcoinAddress.pack(p2pkh(1)))).isEqualTo("Krakex");

        AddressBookLoad again = loaded(loader(true));
        assertThat(again.fromCache()).isTrue();
        assertThat(again.table().lookup(BitcoinAddress.pack(p2pkh(1)))).isEqualTo("Krakex");
    }

    @Test
    void otherSourcesOrTheBuiltinListMissTheCache() {
        AddressBookLoad withoutBuiltin = loaded(loader(false));
        AddressBookLoad withBuiltin = loaded(loader(true));
        assertThat(withBuiltin.fromCache()).isFalse();
        assertThat(withBuiltin.table().size()).isGreaterThan(withoutBuiltin.table().size());
        AddressBookLoad fewerFiles = loaded(new AddressBookLoader(new AddressBookSources(List.of(csv, pack), true),
                new AddressBookCache(cacheFile)));
        assertThat(fewerFiles.fromCache()).isFalse();
        assertThat(fewerFiles.table().lookup(BitcoinAddress.pack(p2pkh(2)))).isEqualTo("Kraken");
        AddressBookLoad reordered = loaded(new AddressBookLoader(new AddressBookSources(List.of(jsonl, csv, pack), true),
                new AddressBookCache(cacheFile)));
        assertThat(reordered.fromCache()).isFalse();
        assertThat(reordered.table().lookup(BitcoinAddress.pack(p2pkh(2)))).isEqualTo("Kraken"); // the CSV now comes later
    }

    @Test
    void aDamagedCacheIsIgnoredAndWrittenAfresh() throws IOException {
        AddressTable expected = loaded(loader(true)).table();
        byte[] good = Files.readAllBytes(cacheFile);
        List<byte[]> damaged = List.of(
                flipped(good, good.length / 2),
                flipped(good, good.length - 1),
                Arrays.copyOf(good, good.length - 100),
                Arrays.copyOf(good, 10),
                new byte[0],
                "not a cache at all".getBytes(StandardCharsets.UTF_8));
        for (byte[] bytes : damaged) {
            Files.write(cacheFile, bytes);
            AddressBookLoad load = loaded(loader(true));
            assertThat(load.fromCache()).as("a damaged cache of %d bytes", bytes.length).isFalse();
            assertSameTable(load.table(), expected);
            assertThat(Files.readAllBytes(cacheFile)).isEqualTo(good);
        }
        assertThat(loaded(loader(true)).fromCache()).isTrue();
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheBookLoaded() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        cacheFile = notADirectory.resolve("book.cache");
        AddressBookLoad load = loaded(loader(true));
        assertThat(load.fromCache()).isFalse();
        assertThat(load.table().size()).isGreaterThan(1000);
        assertThat(loaded(loader(true)).fromCache()).isFalse();
    }

    @Test
    void arraysWithAMatchingChecksumButInconsistentContentsAreRefused() {
        AddressTable.Layout good = loaded(loader(false)).table().layout();
        assertThat(good.inconsistency()).isNull();

        int[] backwards = good.offsets().clone();
        backwards[3] = backwards[4] + 1;
        assertThat(new AddressTable.Layout(good.names(), good.pool(), backwards, good.exchangeIds(), good.slots(), good.size()).inconsistency())
                .contains("backwards");
        char[] unnamed = good.exchangeIds().clone();
        unnamed[5] = (char) good.names().length;
        assertThat(new AddressTable.Layout(good.names(), good.pool(), good.offsets(), unnamed, good.slots(), good.size()).inconsistency())
                .contains("names exchange");
        long[] pastTheEnd = good.slots().clone();
        int used = firstUsedSlot(pastTheEnd);
        pastTheEnd[used] = (pastTheEnd[used] & 0xFFFFFFFF00000000L) | (good.size() + 1);
        assertThat(new AddressTable.Layout(good.names(), good.pool(), good.offsets(), good.exchangeIds(), pastTheEnd, good.size()).inconsistency())
                .contains("points to entry");
        long[] lost = good.slots().clone();
        lost[firstUsedSlot(lost)] = 0;
        assertThat(new AddressTable.Layout(good.names(), good.pool(), good.offsets(), good.exchangeIds(), lost, good.size()).inconsistency())
                .contains("slots in use");
    }

    @Test
    void theProviderUsesTheConfiguredCacheAndReloadGoesThroughIt() throws Exception {
        Map<String, String> config = Map.of(AddressBookSources.PATHS_KEY, csv + "," + pack,
                AddressBookSources.BUILTIN_KEY, "false", AddressBookCache.PATH_KEY, cacheFile.toString());
        AddressBook first = Fixtures.book(config);
        awaitWritten(cacheFile, 0);
        long written = Files.getLastModifiedTime(cacheFile).toMillis();
        AddressBook second = Fixtures.book(config);
        assertThat(second.size()).isEqualTo(first.size());
        assertThat(second.exchangeOf(p2wpkh(4))).contains("Bitfinex");
        assertThat(second.sample(50)).isEqualTo(first.sample(50));

        Files.writeString(csv, "exchange_name,address\nBitstamp," + p2pkh(1) + "\n");
        Thread.sleep(20); // a later modification time than the first write's
        second.reload();
        assertThat(second.exchangeOf(p2pkh(1))).contains("Bitstamp");
        assertThat(second.size()).isEqualTo(501);
        awaitWritten(cacheFile, written);
        assertThat(loaded(loader(cacheFile, List.of(csv, pack))).fromCache()).isTrue();
    }

    @Test
    void offMeansNoCache() throws IOException {
        Fixtures.book(Map.of(AddressBookSources.PATHS_KEY, csv.toString(), AddressBookSources.BUILTIN_KEY, "false",
                AddressBookCache.PATH_KEY, "off"));
        assertThat(Path.of("off")).as("not taken for a file name").doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("book.csv", "pack.yaml", "more.jsonl");
        }
    }

    /** Loads, and waits for the cache write a parse starts in the background. */
    private static AddressBookLoad loaded(AddressBookLoader loader) {
        AddressBookLoad load = loader.loadWithCounts();
        try {
            loader.awaitCacheWrite();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return load;
    }

    /** The provider's book writes its cache in the background: wait for the file to appear or change. */
    private static void awaitWritten(Path file, long after) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Files.isRegularFile(file) && Files.getLastModifiedTime(file).toMillis() > after)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " not written within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private AddressBookLoader loader(boolean builtin) {
        return new AddressBookLoader(new AddressBookSources(List.of(csv, pack, jsonl), builtin), new AddressBookCache(cacheFile));
    }

    private static AddressBookLoader loader(Path cache, List<Path> paths) {
        return new AddressBookLoader(new AddressBookSources(paths, false), new AddressBookCache(cache));
    }

    private static void assertSameTable(AddressTable actual, AddressTable expected) {
        AddressTable.Layout a = actual.layout();
        AddressTable.Layout e = expected.layout();
        assertThat(a.size()).isEqualTo(e.size());
        assertThat(a.names()).containsExactly(e.names());
        assertThat(a.pool()).isEqualTo(e.pool());
        assertThat(a.offsets()).isEqualTo(e.offsets());
        assertThat(a.exchangeIds()).isEqualTo(e.exchangeIds());
        assertThat(a.slots()).isEqualTo(e.slots());
        for (int i = 0; i < e.size(); i++) {
            assertThat(actual.lookup(expected.addressAt(i))).isEqualTo(expected.exchangeName(expected.exchangeIdAt(i)));
        }
    }

    private static int firstUsedSlot(long[] slots) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != 0) {
                return i;
            }
        }
        throw new AssertionError("no slot in use");
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x10;
        return copy;
    }
}
