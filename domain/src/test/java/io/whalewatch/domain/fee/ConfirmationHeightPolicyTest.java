package io.whalewatch.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfirmationHeightPolicyTest {
    private static final int TIP = 890_000;
    private final ConfirmationHeightPolicy policy = new ConfirmationHeightPolicy();
    private final FeeMarket blocks = new FeeMarket(Optional.empty(), List.of(
            new ProjectedBlock(12, List.of(8.0, 10.0, 12.0, 20.0), 3000, 997_000),
            new ProjectedBlock(6, List.of(5.0, 6.0, 7.0), 3000, 997_000),
            new ProjectedBlock(3, List.of(2.0, 3.0, 4.0), 3000, 997_000)));

    @ParameterizedTest(name = "position {0} -> tip + {1}")
    @CsvSource({"0, 1", "3, 4", "7, 8"})
    void usesTheUpstreamPositionWhenGiven(int position, int ahead) {
        assertThat(policy.predict(TIP, OptionalInt.of(position), FeeRate.of(1), blocks)).isEqualTo(TIP + ahead);
    }

    @ParameterizedTest(name = "{0} sat/vB without position -> tip + {1}")
    @CsvSource({"50, 1", "8, 1", "7.9, 2", "5, 2", "2, 3", "1, 4"})
    void derivesTheBlockFromProjectedBlocks(double rate, int ahead) {
        assertThat(policy.predict(TIP, OptionalInt.empty(), FeeRate.of(rate), blocks)).isEqualTo(TIP + ahead);
    }

    @ParameterizedTest(name = "{0} sat/vB with recommended fees only -> tip + {1}")
    @CsvSource({"60, 1", "40, 3", "30, 6", "10, 12"})
    void fallsBackToRecommendedFees(double rate, int ahead) {
        FeeMarket market = FeeMarket.unknown().withRecommended(new RecommendedFees(50, 40, 30, 20, 10));
        assertThat(policy.predict(TIP, OptionalInt.empty(), FeeRate.of(rate), market)).isEqualTo(TIP + ahead);
    }
}
