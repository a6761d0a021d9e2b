package io.whalewatch.adapter.labels;

import static io.whalewatch.adapter.labels.Fixtures.p2pkh;
import static io.whalewatch.adapter.labels.Fixtures.p2wpkh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadTest {
    @TempDir
    Path dir;

    @Test
    void reloadPicksUpChangedFiles() {
        Path csv = Fixtures.write(dir, "book.csv", "exchange_name,address\nBinance," + p2pkh(1) + "\n");
        AddressBook book = Fixtures.book(csv);
        Fixtures.write(dir, "book.csv", "exchange_name,address\nKraken," + p2pkh(1) + "\nKraken," + p2pkh(2) + "\n");
        assertThat(book.exchangeOf(p2pkh(1))).contains("Binance");
        book.reload();
        assertThat(book.exchangeOf(p2pkh(1))).contains("Kraken");
        assertThat(book.exchangeOf(p2pkh(2))).contains("Kraken");
        assertThat(book.size()).isEqualTo(2);
    }

    @Test
    void aFailedReloadKeepsTheCurrentBookAndThrows() {
        Path csv = Fixtures.write(dir, "book.csv", "exchange_name,address\nBinance," + p2pkh(1) + "\n");
        AddressBook book = Fixtures.book(csv);
        Fixtures.write(dir, "book.csv", "exchange_name,address\nKraken," + p2pkh(2) + "\nKraken,oops\n");
        assertThatThrownBy(book::reload).isInstanceOf(AdapterException.class).hasMessageContaining("book.csv:3");
        assertThat(book.exchangeOf(p2pkh(1))).contains("Binance");
        assertThat(book.exchangeOf(p2pkh(2))).isEmpty();
        assertThat(book.size()).isEqualTo(1);
    }

    @Test
    void laterSourcesRelabelEarlierOnes() {
        Path first = Fixtures.write(dir, "a.csv", "exchange_name,address\nBinance," + p2pkh(1) + "\n");
        Path second = Fixtures.write(dir, "b.jsonl", "{\"type\":\"addr\",\"ref\":\"" + p2pkh(1) + "\",\"label\":\"okex\"}\n");
        AddressBook book = Fixtures.book(first, second);
        assertThat(book.exchangeOf(p2pkh(1))).contains("OKX");
        assertThat(book.size()).isEqualTo(1);
    }

    /**
     * Readers hammer the book while it is reloaded between two versions that both list every
     * address: a reader must never see an address missing or a size between the versions' sizes.
     */
    @Test
    void readersNeverSeeAHalfBuiltBook() throws Exception {
        int n = 2_000;
        Path csv = dir.resolve("book.csv");
        writeVersion(csv, "Binance", n, 0);
        AddressBook book = Fixtures.book(csv);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        AtomicLong lookups = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> read(book, n, stop, problem, lookups));
            readers.add(reader);
            reader.start();
        }
        for (int i = 1; i <= 20; i++) {
            writeVersion(csv, i % 2 == 0 ? "Binance" : "Kraken", n, i % 2 == 0 ? 0 : 500);
            book.reload();
        }
        stop.set(true);
        for (Thread reader : readers) {
            reader.join(10_000);
        }
        assertThat(problem.get()).isNull();
        assertThat(lookups.get()).isPositive();
        assertThat(book.exchangeOf(p2wpkh(1))).contains("Binance");
    }

    private static void read(AddressBook book, int n, AtomicBoolean stop, AtomicReference<String> problem, AtomicLong count) {
        while (!stop.get() && problem.get() == null) {
            for (int i = 0; i < n; i += 7) {
                if (book.exchangeOf(p2wpkh(i)).isEmpty()) {
                    problem.set("address " + i + " missing during reload");
                }
                int size = book.size();
                if (size != n && size != n + 500) {
                    problem.set("size " + size);
                }
                count.incrementAndGet();
            }
        }
    }

    private static void writeVersion(Path csv, String exchange, int n, int extra) {
        StringBuilder s = new StringBuilder("exchange_name,address\n");
        for (int i = 0; i < n + extra; i++) {
            s.append(exchange).append(',').append(p2wpkh(i)).append('\n');
        }
        Fixtures.write(csv.getParent(), csv.getFileName().toString(), s.toString());
    }
}
