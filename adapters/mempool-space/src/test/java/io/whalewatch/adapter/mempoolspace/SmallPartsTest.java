package io.whalewatch.adapter.mempoolspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.MempoolListener.ResyncReason;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Sequence rules, backoff bounds and the keepalive rule. */
class SmallPartsTest {

    @Test
    void sequenceTrackerTellsGapsRestartsAndResyncsApart() {
        SequenceTracker t = new SequenceTracker();
        assertThat(t.observe(10)).isEmpty();
        assertThat(t.observe(11)).isEmpty();
        assertThat(t.observe(11)).as("equal = backend resyncing").isEmpty();
        assertThat(t.observe(14)).contains(ResyncReason.SEQUENCE_GAP);
        assertThat(t.observe(15)).isEmpty();
        assertThat(t.observe(0)).contains(ResyncReason.UPSTREAM_RESTART);
        t.reset();
        assertThat(t.observe(500)).as("first after a reset").isEqualTo(Optional.empty());
    }

    @RepeatedTest(20)
    void backoffIsJitteredExponentialAndCapped() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertThat(b.delay(0)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(b.delay(1)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(b.delay(3)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(32));
        assertThat(b.delay(10)).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(60));
        assertThat(b.delay(1_000)).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(60));
    }

    @Test
    void livenessPingsAfterSilenceThenDeclaresDeathUnlessSomethingArrives() {
        Liveness l = new Liveness(Duration.ofSeconds(30), Duration.ofSeconds(5));
        long t0 = 1_000_000_000L;
        l.activity(t0);
        assertThat(l.check(t0 + sec(29))).isEqualTo(Liveness.Verdict.ALIVE);
        assertThat(l.check(t0 + sec(30))).isEqualTo(Liveness.Verdict.PING);
        assertThat(l.check(t0 + sec(34))).isEqualTo(Liveness.Verdict.ALIVE);
        assertThat(l.check(t0 + sec(35))).isEqualTo(Liveness.Verdict.DEAD);
        l.activity(t0 + sec(36));
        assertThat(l.check(t0 + sec(40))).isEqualTo(Liveness.Verdict.ALIVE);
        l.readerBlocked(true);
        assertThat(l.check(t0 + sec(500))).as("a blocked reader means we are slow, not them")
                .isEqualTo(Liveness.Verdict.ALIVE);
        l.readerBlocked(false);
        assertThat(l.check(t0 + sec(529))).isEqualTo(Liveness.Verdict.ALIVE);
        assertThat(l.check(t0 + sec(530))).isEqualTo(Liveness.Verdict.PING);
    }

    private static long sec(long s) {
        return Duration.ofSeconds(s).toNanos();
    }
}
