package io.whalewatch.adapter.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.AddressBook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinListTest {

    @Test
    void everyBuiltinAddressIsValidAndUnique() throws IOException {
        List<String[]> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(15);
        for (String[] row : rows) {
            assertThat(BitcoinAddress.isValid(row[1])).as(row[1]).isTrue();
            assertThat(ExchangeNames.normalise(row[0])).as("names are written canonically").isEqualTo(row[0]);
        }
        assertThat(rows.stream().map(r -> r[1]).distinct().count()).isEqualTo(rows.size());
    }

    @Test
    void theBuiltinListLoadsByDefault() throws IOException {
        AddressBook book = Fixtures.book(Map.of());
        assertThat(book.size()).isEqualTo(rows().size());
        assertThat(book.exchangeOf("34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo")).contains("Binance");
        assertThat(book.exchangeOf("bc1qgdjqv0av3q56jvd82tkdjpy7gdp9ut8tlqmgrpmv24sq90ecnvqqjwvw97")).contains("Bitfinex");
    }

    @Test
    void theBuiltinListCanBeTurnedOff() {
        AddressBook book = Fixtures.book(Map.of(AddressBookSources.BUILTIN_KEY, "false"));
        assertThat(book.size()).isZero();
        assertThat(book.exchangeOf("34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo")).isEmpty();
        assertThat(book.sample(10)).isEmpty();
    }

    private static List<String[]> rows() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AddressBookLoader.class.getResourceAsStream(AddressBookLoader.BUILTIN_RESOURCE), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("exchange_name"))
                    .map(l -> l.split(",")).toList();
        }
    }
}
