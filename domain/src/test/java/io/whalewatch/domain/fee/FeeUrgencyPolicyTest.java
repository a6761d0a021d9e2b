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
}
