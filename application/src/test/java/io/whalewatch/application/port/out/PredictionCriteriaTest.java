package io.whalewatch.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The criteria's own rules: keyset paging and the bounds of a page. */
class PredictionCriteriaTest {
    @Test
    void belowAnAlertIdFiltersNothingElse() {
        PredictionCriteria c = PredictionCriteria.below(42, 7);

        assertThat(c.beforeAlertId()).isEqualTo(42);
        assertThat(c.limit()).isEqualTo(7);
        assertThat(c).isEqualTo(PredictionCriteria.all(7).page(42, 7));
        assertThat(c.flowTypes()).isEmpty();
        assertThat(c.from()).isEmpty();
        assertThat(c.minBtc()).isEmpty();
    }

    @Test
    void aPageOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> PredictionCriteria.below(1, 0)).hasMessageContaining("limit must be within 1..10000");
        assertThatThrownBy(() -> PredictionCriteria.below(1, PredictionCriteria.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PredictionCriteria.below(-1, 5)).hasMessageContaining("beforeAlertId must not be negative");
    }
}
