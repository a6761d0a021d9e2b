package io.whalewatch.domain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SatoshisTest {
    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE, 21_000_000L * 100_000_000L + 1, Long.MAX_VALUE})
    void rejectsAbsurdAmounts(long sats) {
        assertThatThrownBy(() -> Satoshis.of(sats)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsBtcBothWays() {
        assertThat(Satoshis.ofBtc(100.5).value()).isEqualTo(10_050_000_000L);
        assertThat(Satoshis.of(12_345_678_901L).btc()).isEqualTo(123.45678901);
    }

    @Test
    void txidIsNormalisedAndValidated() {
        assertThat(TxId.of("AB".repeat(32)).value()).isEqualTo("ab".repeat(32));
        assertThatThrownBy(() -> TxId.of("zz".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TxId.of("ab")).isInstanceOf(IllegalArgumentException.class);
    }
}
