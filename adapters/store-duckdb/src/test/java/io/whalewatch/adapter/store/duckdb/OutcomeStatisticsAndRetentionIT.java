package io.whalewatch.adapter.store.duckdb;

import static io.whalewatch.testkit.store.StoreFixtures.confirmed;
import static io.whalewatch.testkit.store.StoreFixtures.finalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.inflowAt;
import static io.whalewatch.testkit.store.StoreFixtures.provisionalDrop;
import static io.whalewatch.testkit.store.StoreFixtures.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.DataRetention;
import io.whalewatch.application.port.out.NotificationOutbox;
import io.whalewatch.application.port.out.NotificationOutbox.Delivery;
import io.whalewatch.application.port.out.OutcomeStatistics;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import io.whalewatch.domain.accuracy.ResolvedOutcomes;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionOutcome;
import io.whalewatch.testkit.Predictions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accuracy counts in SQL agree with the domain rule, window edges included; retention deletes what is old. */
class OutcomeStatisticsAndRetentionIT {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    @TempDir
    Path dir;
    private long alert;

    @Test
    void countsFollowTheResolvedRuleAndIncludeTheWindowStart() {
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("s.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            List<PredictionOutcome> history = new ArrayList<>();
            history.add(confirmed(save(repo), 890_001, NOW.minus(Duration.ofHours(1))));              // accurate, at the 1 h edge
            history.add(confirmed(save(repo), 890_005, NOW.minus(Duration.ofHours(1)).minusSeconds(1))); // late, just outside 1 h
            history.add(finalDrop(save(repo), NOW.minus(Duration.ofMinutes(5))));
            history.add(provisionalDrop(save(repo), NOW));                                             // not resolved
            history.add(replaced(save(repo), Predictions.txid(999), NOW));                             // not resolved
            history.add(confirmed(save(repo), 890_002, NOW.minus(Duration.ofHours(24))));              // accurate (tolerance 1), 24 h edge
            history.add(finalDrop(save(repo), NOW.minus(Duration.ofDays(7)).minusSeconds(1)));         // outside every window
            repo.saveOutcomes(history);
            OutcomeStatistics stats = repo.port(OutcomeStatistics.class).orElseThrow();
            for (Duration window : List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30))) {
                Instant since = NOW.minus(window);
                assertThat(stats.countResolvedSince(since)).as(window.toString()).isEqualTo(ResolvedOutcomes.countSince(history, since));
            }
            assertThat(stats.countResolvedSince(NOW.minus(Duration.ofHours(1)))).isEqualTo(new OutcomeCounts(2, 1, 1));
            assertThat(stats.countResolvedSince(NOW.minus(Duration.ofDays(7)))).isEqualTo(new OutcomeCounts(4, 2, 1));
        }
    }

    @Test
    void aProvisionalDropThatConfirmsCountsAsConfirmedAtItsNewResolutionTime() {
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("s.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            Prediction p = save(repo);
            repo.saveOutcomes(List.of(provisionalDrop(p, NOW.minus(Duration.ofHours(3)))));
            OutcomeStatistics stats = repo.port(OutcomeStatistics.class).orElseThrow();
            assertThat(stats.countResolvedSince(NOW.minus(Duration.ofDays(1)))).isEqualTo(new OutcomeCounts(0, 0, 0));
            repo.saveOutcomes(List.of(confirmed(p, 890_001, NOW)));
            assertThat(stats.countResolvedSince(NOW.minus(Duration.ofHours(1)))).isEqualTo(new OutcomeCounts(1, 1, 0));
        }
    }

    @Test
    void retentionDeletesOldPredictionsOutcomesAndFinishedNotificationsOnly() {
        Instant old = NOW.minus(Duration.ofDays(91));
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(dir.resolve("s.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            Prediction oldResolved = repo.saveAll(List.of(inflowAt(++alert, old))).get(0);
            Prediction oldUnresolved = repo.saveAll(List.of(inflowAt(++alert, old))).get(0);
            Prediction recent = repo.saveAll(List.of(inflowAt(++alert, NOW.minus(Duration.ofDays(89))))).get(0);
            repo.saveOutcomes(List.of(confirmed(oldResolved, 890_001, old.plusSeconds(600)), confirmed(recent, 890_001, NOW)));
            NotificationOutbox outbox = repo.port(NotificationOutbox.class).orElseThrow();
            outbox.enqueue(List.of(delivery("old-delivered", old), delivery("old-failed", old), delivery("old-pending", old),
                    delivery("new-delivered", NOW)));
            outbox.markDelivered("old-delivered", "webhook", old);
            outbox.markFailed("old-failed", "webhook", 3, "HTTP 500");
            outbox.markDelivered("new-delivered", "webhook", NOW);

            DataRetention.Purged purged = repo.port(DataRetention.class).orElseThrow().purgeOlderThan(NOW.minus(Duration.ofDays(90)));

            assertThat(purged).isEqualTo(new DataRetention.Purged(2, 1, 2));
            assertThat(repo.findByTxid(oldUnresolved.txid())).isEmpty();
            assertThat(repo.findByTxid(recent.txid())).isPresent();
            assertThat(repo.findUnresolved(10)).isEmpty();
            assertThat(outbox.createdSince("accuracy_alert", Instant.EPOCH)).extracting(Delivery::eventId)
                    .containsExactly("old-pending", "new-delivered");
            assertThat(repo.port(OutcomeStatistics.class).orElseThrow().countResolvedSince(Instant.EPOCH)).isEqualTo(new OutcomeCounts(1, 1, 0));
        }
    }

    @Test
    void unresolvedPredictionsResumeWithTheirStoredState() {
        Path file = dir.resolve("s.db");
        Prediction a;
        Prediction b;
        Prediction c;
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
            a = save(repo);
            b = save(repo);
            c = save(repo);
            repo.saveOutcomes(List.of(
                    new PredictionOutcome(a, new Outcome.Replaced(Predictions.txid(77), NOW, java.util.OptionalDouble.of(12.5)), Optional.empty(), NOW),
                    provisionalDrop(b, NOW.minusSeconds(3600))));
        }
        try (DuckDbPredictionRepository repo = DuckDbPredictionRepository.open(file, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(repo.findTracked(10)).extracting(PredictionOutcome::outcome).containsExactly(
                    new Outcome.Replaced(Predictions.txid(77), NOW, java.util.OptionalDouble.of(12.5)),
                    new Outcome.Dropped(true, NOW.minusSeconds(3600)),
                    new Outcome.Pending());
            assertThat(repo.findTracked(10).get(2).prediction()).isEqualTo(c);
        }
    }

    private Prediction save(DuckDbPredictionRepository repo) {
        return repo.saveAll(List.of(inflowAt(++alert, NOW.minus(Duration.ofDays(8)).plusSeconds(alert)))).get(0);
    }

    private static Delivery delivery(String id, Instant at) {
        return new Delivery(id, "webhook", "accuracy_alert", "{}", at, 0, at);
    }

    static Set<String> webhook() {
        return Set.of("webhook");
    }
}
