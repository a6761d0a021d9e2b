package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.testkit.Predictions;
import org.junit.jupiter.api.Test;

class StreamIdsTest {
    private final StreamIds ids = new StreamIds();

    private String accept(Signal s) {
        String id = ids.next(s).orElseThrow();
        ids.accepted(id);
        return id;
    }

    private static Signal alert(long id) {
        return new Signal.Alert(Predictions.inflow(id, 150));
    }

    private static Signal update(long id) {
        return new Signal.Update(Fixtures.confirmed(Predictions.inflow(id, 150)));
    }

    @Test
    void alertsUseTheirIdAndUpdatesFollowTheNewestEntry() {
        ids.seed("0-0");

        assertThat(accept(update(1))).isEqualTo("0-1");
        assertThat(accept(alert(5))).isEqualTo("5-0");
        assertThat(accept(update(5))).isEqualTo("5-1");
        assertThat(accept(update(2))).isEqualTo("5-2");
        assertThat(accept(alert(9))).isEqualTo("9-0");
        assertThat(ids.last()).isEqualTo("9-0");
    }

    @Test
    void alertsNotNewerThanTheStreamAreRedeliveries() {
        ids.seed("7-3");

        assertThat(ids.next(alert(7))).isEmpty();
        assertThat(ids.next(alert(2))).isEmpty();
        assertThat(ids.next(alert(8))).contains("8-0");
        assertThat(ids.next(update(2))).contains("7-4");
    }

    @Test
    void acceptingAnOlderIdNeverMovesBack() {
        ids.seed("10-2");
        ids.accepted("4-0");

        assertThat(ids.last()).isEqualTo("10-2");
        assertThat(StreamIds.parse("1732000000000-12")).containsExactly(1_732_000_000_000L, 12L);
    }
}
