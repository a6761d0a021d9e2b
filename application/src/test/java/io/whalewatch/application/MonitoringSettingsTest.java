package io.whalewatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringSettingsTest {
    @Test
    void dropFinalAfterHoursAcceptsFractionsDownToAThousandthOfAnHour() {
        assertThat(MonitoringSettings.from(AdapterConfig.of(Map.of())).dropFinalAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(MonitoringSettings.from(AdapterConfig.of(Map.of("DROP_FINAL_AFTER_HOURS", "0.005"))).dropFinalAfter())
                .isEqualTo(Duration.ofSeconds(18));
        assertThat(MonitoringSettings.from(AdapterConfig.of(Map.of("DROP_FINAL_AFTER_HOURS", "48"))).dropFinalAfter())
                .isEqualTo(Duration.ofHours(48));
        assertThatThrownBy(() -> MonitoringSettings.from(AdapterConfig.of(Map.of("DROP_FINAL_AFTER_HOURS", "0.0001"))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("DROP_FINAL_AFTER_HOURS");
    }
}
