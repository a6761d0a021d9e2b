package io.whalewatch.domain.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The alerting rule as a table: a sequence of (minute, accurate of 100) checks and the alerts they emit. */
class AccuracyAlertPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private final AccuracyAlertPolicy policy = new AccuracyAlertPolicy(AccuracyThresholds.defaults());

    /**
     * Each row: checks as "minute:accuracy%" separated by spaces, and the alerts expected in order
     * ("-" for none). Cooldown 60 min, warning 75 %, critical 70 %, 100 resolved samples per check.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0:90                          | -",
            "0:75                          | -",                       // exactly at warning: fine
            "0:74                          | WARNING",
            "0:70                          | WARNING",                 // exactly at critical: only a warning
            "0:69                          | CRITICAL",
            "0:74 5:74 30:74 59:74         | WARNING",                 // cooldown holds the repeats
            "0:74 60:74                    | WARNING WARNING",         // cooldown over: repeated
            "0:74 5:69                     | WARNING CRITICAL",        // a warning never suppresses a critical
            "0:69 5:74                     | CRITICAL WARNING",        // improving to warning is news too
            "0:69 5:69 10:74 15:69         | CRITICAL WARNING",        // critical again within its cooldown: silent
            "0:74 5:80                     | WARNING RECOVERED",
            "0:74 5:80 10:90               | WARNING RECOVERED",       // one recovery only
            "0:69 5:75                     | CRITICAL RECOVERED",      // back exactly at warning counts as recovered
            "0:74 5:80 10:74 15:80         | WARNING RECOVERED",       // degraded again within cooldown: nothing to recover from
            "0:74 5:80 61:74 62:80         | WARNING RECOVERED WARNING RECOVERED",
            "0:74 5:69 10:90               | WARNING CRITICAL RECOVERED",
    })
    void checksEmitTheExpectedAlerts(String checks, String expected) {
        AccuracyAlertState state = AccuracyAlertState.initial();
        List<String> emitted = new ArrayList<>();
        for (String check : checks.trim().split("\\s+")) {
            String[] parts = check.split(":");
            AccuracyAlertDecision d = policy.decide(report(Integer.parseInt(parts[1]), 100),
                    state, T0.plus(Duration.ofMinutes(Integer.parseInt(parts[0]))));
            d.alert().ifPresent(k -> emitted.add(k.name()));
            state = d.next();
        }
        assertThat(String.join(" ", emitted)).isEqualTo(expected.equals("-") ? "" : expected);
    }

    @Test
    void belowTheMinimumSampleCountNothingIsDecided() {
        AccuracyReport few = new AccuracyReport(AccuracyWindow.LAST_HOUR, new OutcomeCounts(9, 0, 9), 10);
        AccuracyAlertDecision d = policy.decide(few, AccuracyAlertState.initial(), T0);
        assertThat(d.alert()).isEmpty();
        assertThat(d.next()).isEqualTo(AccuracyAlertState.initial());
        AccuracyAlertState warned = AccuracyAlertState.initial().afterAlert(AccuracyAlertKind.WARNING, T0);
        assertThat(policy.decide(few, warned, T0.plusSeconds(60)).alert()).as("no recovery without data").isEmpty();
        AccuracyReport enough = new AccuracyReport(AccuracyWindow.LAST_HOUR, new OutcomeCounts(10, 0, 10), 10);
        assertThat(policy.decide(enough, AccuracyAlertState.initial(), T0).alert()).contains(AccuracyAlertKind.CRITICAL);
    }

    @Test
    void aReplayedHistoryKeepsTheCooldownAcrossARestart() {
        AccuracyAlertState replayed = AccuracyAlertState.initial().afterAlert(AccuracyAlertKind.CRITICAL, T0);
        assertThat(policy.decide(report(60, 100), replayed, T0.plusSeconds(1800)).alert()).isEmpty();
        assertThat(policy.decide(report(60, 100), replayed, T0.plusSeconds(3600)).alert()).contains(AccuracyAlertKind.CRITICAL);
        assertThat(replayed.announced()).contains(AccuracyAlertKind.CRITICAL);
        assertThat(replayed.afterAlert(AccuracyAlertKind.RECOVERED, T0).announced()).isEmpty();
    }

    @Test
    void thresholdsAreValidated() {
        assertThatThrownBy(() -> new AccuracyThresholds(0.7, 0.75, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccuracyThresholds(1.1, 0.7, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccuracyThresholds(0.75, 0.7, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AccuracyAlertState(Optional.empty(), java.util.Map.of()).announced()).isEmpty();
    }

    private static AccuracyReport report(int accurate, int resolved) {
        return new AccuracyReport(AccuracyWindow.LAST_DAY, new OutcomeCounts(resolved, accurate, 0), 10);
    }
}
