package io.whalewatch.adapter.labels;

import static io.whalewatch.adapter.labels.Fixtures.p2pkh;
import static io.whalewatch.adapter.labels.Fixtures.p2wpkh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.port.out.AddressBook.LabelledAddress;
import io.whalewatch.application.spi.AdapterException;
import io.whalewatch.application.spi.AddressBookProvider;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderTest {
    @TempDir
    Path dir;

    @Test
    void serviceLoaderFindsTheLabelsProvider() {
        List<String> names = ServiceLoader.load(AddressBookProvider.class).stream()
                .map(p -> p.get().name()).toList();
        assertThat(names).contains("labels");
    }

    @Test
    void pathsSeparatedByCommasAndThePathSeparatorAreAllRead() {
        Path a = Fixtures.write(dir, "a.csv", "exchange_name,address\nBinance," + p2pkh(1) + "\n");
        Path b = Fixtures.write(dir, "b.jsonl", "{\"type\":\"addr\",\"ref\":\"" + p2pkh(2) + "\",\"label\":\"Kraken\"}\n");
        Path c = Fixtures.write(dir, "c.yaml", "currency: BTC\nactor: bitmex\ntags:\n- address: " + p2wpkh(3) + "\n");
        AddressBook book = Fixtures.book(Map.of(
                AddressBookSources.PATHS_KEY, a + " , " + b + File.pathSeparator + c,
                AddressBookSources.BUILTIN_KEY, "no"));
        assertThat(book.size()).isEqualTo(3);
        assertThat(book.exchangeOf(p2wpkh(3))).contains("BitMEX");
    }

    @Test
    void builtinListIsAddedUnlessTurnedOff() {
        Path a = Fixtures.write(dir, "a.csv", "exchange_name,address\nBinance," + p2pkh(1) + "\n");
        int withBuiltin = Fixtures.book(Map.of(AddressBookSources.PATHS_KEY, a.toString())).size();
        int without = Fixtures.book(Map.of(AddressBookSources.PATHS_KEY, a.toString(),
                AddressBookSources.BUILTIN_KEY, "false")).size();
        assertThat(without).isEqualTo(1);
        assertThat(withBuiltin).isGreaterThan(15);
    }

    @Test
    void anInvalidBooleanNamesTheSetting() {
        assertThatThrownBy(() -> Fixtures.book(Map.of(AddressBookSources.BUILTIN_KEY, "maybe")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("ADDRESS_BOOK_BUILTIN");
    }

    @Test
    void formatIsSniffedWhenTheExtensionSaysNothing() {
        Path yaml = Fixtures.write(dir, "pack.txt", "# a pack\ncurrency: BTC\nactor: kraken\ntags:\n- address: " + p2pkh(1) + "\n");
        Path json = Fixtures.write(dir, "labels.export", "{\"type\":\"addr\",\"ref\":\"" + p2pkh(2) + "\",\"label\":\"Binance\"}\n");
        Path csv = Fixtures.write(dir, "list", "exchange_name,address\nBitstamp," + p2pkh(3) + "\n");
        AddressBook book = Fixtures.book(yaml, json, csv);
        assertThat(book.exchangeOf(p2pkh(1))).contains("Kraken");
        assertThat(book.exchangeOf(p2pkh(2))).contains("Binance");
        assertThat(book.exchangeOf(p2pkh(3))).contains("Bitstamp");
    }

    @Test
    void sampleIsStableAndSpreadAcrossExchanges() {
        StringBuilder csv = new StringBuilder("exchange_name,address\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i < 20 ? "Binance" : i < 28 ? "Kraken" : "Bitstamp").append(',').append(p2pkh(i)).append('\n');
        }
        AddressBook book = Fixtures.book(Fixtures.write(dir, "s.csv", csv.toString()));
        List<LabelledAddress> sample = book.sample(6);
        assertThat(sample).hasSize(6).isEqualTo(book.sample(6));
        assertThat(sample.stream().map(LabelledAddress::exchange))
                .containsExactly("Binance", "Bitstamp", "Kraken", "Binance", "Bitstamp", "Kraken");
        assertThat(sample.get(0).address()).isEqualTo(p2pkh(0));
        assertThat(book.sample(1000)).hasSize(30);
        assertThat(book.sample(0)).isEmpty();
        sample.forEach(s -> assertThat(book.exchangeOf(s.address())).contains(s.exchange()));
    }
}
