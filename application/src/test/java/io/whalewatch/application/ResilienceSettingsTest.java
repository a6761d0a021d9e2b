package io.whalewatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {
    @Test
    void storeWriteIntervalDefaultsTo250MillisecondsAndZeroMeansAtOnce() {
        assertThat(ResilienceSettings.from(AdapterConfig.of(Map.of())).storeWriteInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(ResilienceSettings.defaults().storeWriteInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(ResilienceSettings.from(AdapterConfig.of(Map.of("STORE_WRITE_INTERVAL_MS", "0"))).storeWriteInterval())
                .isZero();
        assertThat(ResilienceSettings.from(AdapterConfig.of(Map.of("STORE_WRITE_INTERVAL_MS", "1000"))).storeWriteInterval())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNegativeOrHugeStoreWriteIntervalIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"-1", "60001", "soon"}) {
            assertThatThrownBy(() -> ResilienceSettings.from(AdapterConfig.of(Map.of("STORE_WRITE_INTERVAL_MS", bad))))
                    .as(bad).isInstanceOf(AdapterException.class).hasMessageContaining("STORE_WRITE_INTERVAL_MS");
        }
    }
}
