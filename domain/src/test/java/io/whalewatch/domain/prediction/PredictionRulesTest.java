package io.whalewatch.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.domain.chain.TxId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictionRulesTest {
    @Test
    void predictionIdIsStablePerTransaction() {
        TxId a = TxId.of("a".repeat(64));
        assertThat(PredictionId.forTransaction(a)).isEqualTo(PredictionId.forTransaction(TxId.of("A".repeat(64))));
        assertThat(PredictionId.forTransaction(a)).isNotEqualTo(PredictionId.forTransaction(TxId.of("b".repeat(64))));
    }

    @ParameterizedTest(name = "predicted {0}, confirmed {1} -> accurate {2}")
    @CsvSource({"100, 99, true", "100, 100, true", "100, 101, true", "100, 102, false"})
    void accurateWithinOneBlockOfTolerance(int predicted, int confirmed, boolean accurate) {
        assertThat(new PredictionAccuracyPolicy().isAccurate(predicted, confirmed)).isEqualTo(accurate);
    }
}
