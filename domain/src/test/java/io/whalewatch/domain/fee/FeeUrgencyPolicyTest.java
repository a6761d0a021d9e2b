package io.whalewatch.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeUrgencyPolicyTest {
    private final FeeUrgencyPolicy policy = new FeeUrgencyPolicy();

    @ParameterizedTest(name = "{0} sat/vB scores within [{1}, {2}]")
    @CsvSource({
        "5,    0.0,    0.2999",   // < 0.3
        "25,   0.3,    0.7",      // within [0.3, 0.7]
        "100,  0.8001, 1.0",      // > 0.8
        "1000, 1.0,    1.0",      // exactly 1.0
        "0,    0.0,    0.0",
    })
    void fallbackCurveMeetsTheGuidePoints(double rate, double low, double high) {
        double score = policy.score(FeeRate.of(rate), FeeMarket.unknown()).value();
        assertThat(score).isBetween(low, high);
    }

    @Test
    void fallbackCurveIsMonotonic() {
        double previous = -1;
        for (double rate = 0; rate <= 2000; rate += 0.5) {
            double score = policy.fallbackScore(rate).value();
            assertThat(score).isGreaterThanOrEqualTo(previous);
            previous = score;
        }
    }

    @Test
    void sameRateIsUrgentInAQuietMarketAndNotInACongestedOne() {
        FeeMarket quiet = FeeMarket.unknown().withRecommended(new RecommendedFees(3, 2, 2, 1, 1));
        FeeMarket congested = FeeMarket.unknown().withRecommended(new RecommendedFees(120, 90, 60, 30, 10));
        FeeRate twenty = FeeRate.of(20);
        assertThat(policy.score(twenty, quiet).value()).isEqualTo(1.0);
        assertThat(policy.score(twenty, congested).value()).isLessThan(0.25);
    }

    @ParameterizedTest(name = "paying the {0} fee scores {1}")
    @CsvSource({"fastest, 0.85", "halfHour, 0.70", "hour, 0.50", "economy, 0.25", "minimum, 0.10"})
    void marketAnchors(String level, double expected) {
        RecommendedFees fees = new RecommendedFees(50, 40, 30, 20, 10);
        double rate = switch (level) {
            case "fastest" -> fees.fastest();
            case "halfHour" -> fees.halfHour();
            case "hour" -> fees.hour();
            case "economy" -> fees.economy();
            default -> fees.minimum();
        };
        FeeMarket market = new FeeMarket(java.util.Optional.of(fees), List.of());
        assertThat(policy.score(FeeRate.of(rate), market).value()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void flatQuietMarketStaysMonotonic() {
        FeeMarket flat = FeeMarket.unknown().withRecommended(new RecommendedFees(1, 1, 1, 1, 1));
        assertThat(policy.score(FeeRate.of(0.5), flat).value()).isLessThan(policy.score(FeeRate.of(1.5), flat).value());
        assertThat(policy.score(FeeRate.of(2), flat).value()).isEqualTo(1.0);
    }

    private static final List<ProjectedBlock> BLOCKS = List.of(
            new ProjectedBlock(20, List.of(12.0, 15.0, 20.0, 30.0), 3000, 997_000),
            new ProjectedBlock(9, List.of(6.0, 8.0, 9.0, 11.0), 3000, 997_000),
            new ProjectedBlock(4, List.of(2.0, 3.0, 4.0, 5.0), 3000, 997_000));

    @ParameterizedTest(name = "{0} sat/vB among projected blocks scores within [{1}, {2}]")
    @CsvSource({
        "40,  1.0,  1.0",     // twice the next block's median
        "12,  0.70, 0.70",    // exactly the next block's floor
        "26,  0.80, 0.95",    // inside the next block
        "6,   0.42, 0.42",    // floor of block 1: 0.7 * 0.6
        "9,   0.43, 0.69",    // between block 1 and block 0
        "2,   0.252, 0.252",  // floor of block 2
        "1,   0.0,  0.05",    // below every projected block
    })
    void projectedBlocksAloneScoreTheRate(double rate, double low, double high) {
        FeeMarket market = FeeMarket.unknown().withProjectedBlocks(BLOCKS);
        assertThat(policy.score(FeeRate.of(rate), market).value()).isBetween(low - 1e-9, high + 1e-9);
    }

    @Test
    void recommendedFeesAndProjectedBlocksAreAveraged() {
        RecommendedFees fees = new RecommendedFees(20, 15, 10, 5, 2);
        FeeMarket both = new FeeMarket(java.util.Optional.of(fees), BLOCKS);
        double onlyFees = policy.score(FeeRate.of(12), FeeMarket.unknown().withRecommended(fees)).value();
        double onlyBlocks = policy.score(FeeRate.of(12), FeeMarket.unknown().withProjectedBlocks(BLOCKS)).value();
        assertThat(policy.score(FeeRate.of(12), both).value()).isCloseTo((onlyFees + onlyBlocks) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void scoreAmongProjectedBlocksIsMonotonic() {
        FeeMarket market = FeeMarket.unknown().withProjectedBlocks(BLOCKS);
        double previous = -1;
        for (double rate = 0; rate <= 60; rate += 0.25) {
            double score = policy.score(FeeRate.of(rate), market).value();
            assertThat(score).isGreaterThanOrEqualTo(previous - 1e-12);
            previous = score;
        }
    }
}
