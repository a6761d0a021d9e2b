package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorSettingsTest {
    @Test
    void defaultsMatchTheDocumentation() {
        SimulatorSettings s = SimulatorSettings.from(AdapterConfig.of(Map.of("SIM_SEED", "1")));
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isZero();
        assertThat(s.txRate()).isEqualTo(5);
        assertThat(s.whaleShare()).isEqualTo(0.02);
        assertThat(s.tickMillis()).isEqualTo(1000);
        assertThat(s.ticksPerBlock()).isEqualTo(30);
        assertThat(s.maxMessageBytes()).isEqualTo(50_000);
        assertThat(s.maxMessagesPer10s()).isEqualTo(100);
        assertThat(s.startHeight()).isEqualTo(900_000);
        assertThat(s.prevoutNull()).isFalse();
    }

    @Test
    void scenarioFilesFillInAndExplicitSettingsWin(@TempDir Path dir) throws Exception {
        Path props = Files.writeString(dir.resolve("s.properties"), "SIM_TX_RATE=20\nSIM_WHALE_SHARE=0.5\n");
        SimulatorSettings p = SimulatorSettings.from(AdapterConfig.of(Map.of("SIM_SCENARIO_FILE", props.toString(),
                "SIM_WHALE_SHARE", "0.1")));
        assertThat(p.txRate()).isEqualTo(20);
        assertThat(p.whaleShare()).isEqualTo(0.1);
        Path json = Files.writeString(dir.resolve("s.json"), "{\"SIM_PREVOUT_NULL\": true, \"SIM_TICK_MILLIS\": 250}");
        SimulatorSettings j = SimulatorSettings.from(AdapterConfig.of(Map.of("SIM_SCENARIO_FILE", json.toString())));
        assertThat(j.prevoutNull()).isTrue();
        assertThat(j.tickMillis()).isEqualTo(250);
    }

    @Test
    void badValuesNameTheSetting(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SimulatorSettings.from(AdapterConfig.of(Map.of("SIM_WHALE_SHARE", "2"))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("SIM_WHALE_SHARE");
        assertThatThrownBy(() -> SimulatorSettings.from(AdapterConfig.of(Map.of("SIM_SEED", "abc"))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("SIM_SEED");
        Path typo = Files.writeString(dir.resolve("t.properties"), "SIM_TX_RAT=3\n");
        assertThatThrownBy(() -> SimulatorSettings.from(AdapterConfig.of(Map.of("SIM_SCENARIO_FILE", typo.toString()))))
                .isInstanceOf(AdapterException.class).hasMessageContaining("SIM_TX_RAT");
    }
}
