package io.whalewatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.fakes.FakeMempoolSource;
import io.whalewatch.application.fakes.InMemoryNotificationOutbox;
import io.whalewatch.application.fakes.InMemoryPredictionRepository;
import io.whalewatch.application.fakes.MapAddressBook;
import io.whalewatch.application.fakes.RecordingNotifier;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.chain.Block;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.MempoolTransaction;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.chain.TxInput;
import io.whalewatch.domain.chain.TxOutput;
import io.whalewatch.domain.detection.WhaleThreshold;
import io.whalewatch.domain.fee.FeeRate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The facade's monitoring surface: accuracy from the store's port, health component, whale alerts to notifiers. */
class MonitoringFacadeTest {
    private final InMemoryPredictionRepository repository = new InMemoryPredictionRepository();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final RecordingNotifier webhook = new RecordingNotifier("webhook", n -> n instanceof Notification.WhaleAlert);

    private WhaleWatch.Builder builder() {
        return WhaleWatch.builder().clock(Clock.systemUTC()).repository(repository).source(new FakeMempoolSource())
                .addressBook(new MapAddressBook(Map.of())).settings(DetectionSettings.defaults(WhaleThreshold.ofBtc(100)));
    }

    @Test
    void whaleAlertsReachAcceptingNotifiersThroughTheOutboxOnceStarted() throws Exception {
        try (WhaleWatch app = builder().outbox(outbox).notifiers(List.of(webhook)).build()) {
            app.start();
            app.mempoolListener().onBlock(new Block(890_000, "00", Instant.EPOCH));
            app.mempoolListener().onDelta(new MempoolDelta(1, List.of(whale()), 1, List.of(), List.of(), List.of()));
            long deadline = System.currentTimeMillis() + 5_000;
            while (webhook.delivered.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(webhook.delivered).singleElement().asString().startsWith("whale:");
            assertThat(outbox.rows.values()).singleElement().satisfies(r -> assertThat(r.delivery().kind()).isEqualTo("whale_alert"));
            assertThat(app.health().health().components()).containsKey("notifications");
            assertThat(app.pendingNotifications()).isZero();
            List<AccuracyReport> reports = app.accuracy().accuracy();
            assertThat(reports).hasSize(3).allSatisfy(r -> assertThat(r.sufficient()).isFalse());
        }
    }

    @Test
    void externalNotifiersNeedADurableOutbox() {
        assertThatThrownBy(() -> builder().notifiers(List.of(webhook)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("durable outbox");
    }

    private static MempoolTransaction whale() {
        long sats = Satoshis.ofBtc(300).value();
        return new MempoolTransaction(TxId.of("ab".repeat(32)), List.of(TxInput.spending("bc1qa", sats + 1_000)),
                List.of(TxOutput.of("bc1qb", sats)), Satoshis.of(1_000), 200, FeeRate.of(10), OptionalInt.empty(), Instant.EPOCH);
    }
}
