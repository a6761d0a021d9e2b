package io.whalewatch.adapter.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExchangeNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "binance|Binance", "  BINANCE |Binance", "okex|OKX", "OKX|OKX", "htx|Huobi", "huobi|Huobi",
            "Kraken.com|Kraken", "cryptocom|Crypto.com", "Crypto.com|Crypto.com", "bitmex|BitMEX",
            "big   exchange|Big Exchange", "Acme cold wallet|Acme cold wallet", "'   '|''"})
    void normalises(String raw, String expected) {
        assertThat(ExchangeNames.normalise(raw)).isEqualTo(expected);
    }
}
