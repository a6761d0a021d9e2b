package io.whalewatch.adapter.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.whalewatch.application.port.out.AlertNotifier;
import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.Level;
import io.whalewatch.application.port.out.Notification.WhaleAlert;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.accuracy.AccuracyWindow;
import io.whalewatch.domain.accuracy.OutcomeCounts;
import io.whalewatch.testkit.Predictions;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rendered bodies: exact bytes, field order, determinism and which notifications are wanted. */
class WebhookRenderTest {
    private final AlertNotifier notifier = notifier(Map.of());

    private static AlertNotifier notifier(Map<String, String> extra) {
        Map<String, String> settings = Fixtures.settings("https://hooks.example.com/whalewatch");
        settings.putAll(extra);
        return new WebhookAlertNotifierProvider().create(Fixtures.context(settings, Clock.systemUTC()));
    }

    @Test
    void accuracyAlertRendersToTheDocumentedCompactJson() {
        assertThat(notifier.render(Fixtures.warning())).isEqualTo("{\"event\":\"accuracy_alert\","
                + "\"event_id\":\"acc-24h-warning-1\",\"timestamp\":\"2026-11-22T12:00:00Z\",\"level\":\"warning\","
                + "\"window\":\"24h\",\"accuracy\":0.725,\"threshold\":0.75,\"false_positive_rate\":0.1,"
                + "\"sample_size\":40,\"accurate\":29,\"dropped\":4}");
    }

    @Test
    void ratiosAreRoundedAndLevelsAreLowerCase() throws Exception {
        AccuracyReport report = new AccuracyReport(AccuracyWindow.LAST_HOUR, new OutcomeCounts(30, 20, 1), 10);
        JsonNode json = new ObjectMapper().readTree(notifier.render(
                new AccuracyAlert("e-2", Fixtures.AT, Level.CRITICAL, report, 0.7)));
        assertThat(json.get("level").asText()).isEqualTo("critical");
        assertThat(json.get("window").asText()).isEqualTo("1h");
        assertThat(json.get("accuracy").asDouble()).isEqualTo(0.6667);
        assertThat(json.get("false_positive_rate").asDouble()).isEqualTo(0.0333);
    }

    @Test
    void anInsufficientSampleRendersNullRatios() throws Exception {
        AccuracyReport report = new AccuracyReport(AccuracyWindow.LAST_WEEK, new OutcomeCounts(3, 3, 0), 10);
        JsonNode json = new ObjectMapper().readTree(notifier.render(
                new AccuracyAlert("e-3", Fixtures.AT, Level.RECOVERED, report, 0.75)));
        assertThat(json.get("level").asText()).isEqualTo("recovered");
        assertThat(json.get("accuracy").isNull()).isTrue();
        assertThat(json.get("false_positive_rate").isNull()).isTrue();
        assertThat(json.get("sample_size").asLong()).isEqualTo(3);
    }

    @Test
    void whaleAlertCarriesThePredictionInAFixedFieldOrder() throws Exception {
        String body = notifier.render(Fixtures.whale());
        assertThat(body).startsWith("{\"event\":\"whale_alert\",\"event_id\":\"whale-7\","
                + "\"timestamp\":\"2026-11-22T12:00:00Z\",\"alert\":{\"alert_id\":7,");
        assertThat(body).contains("\"usd_value\":14250000.00,");
        JsonNode alert = new ObjectMapper().readTree(body).get("alert");
        assertThat(fieldNames(alert)).containsExactly("alert_id", "prediction_id", "transaction_id", "flow_type",
                "btc_value", "total_output_btc", "usd_value", "fee_rate", "urgency_score", "rbf_enabled",
                "detection_timestamp", "predicted_confirmation_block", "tip_height", "exchanges",
                "exchange_addresses", "confidence_score", "flags");
        assertThat(alert.get("transaction_id").asText()).isEqualTo(Predictions.txid(7).value());
        assertThat(alert.get("flow_type").asText()).isEqualTo("inflow");
        assertThat(alert.get("btc_value").asDouble()).isEqualTo(150.0);
        assertThat(alert.get("usd_value").asDouble()).isEqualTo(14_250_000.0);
        assertThat(alert.get("exchanges").get(0).asText()).isEqualTo("Binance");
        assertThat(alert.get("predicted_confirmation_block").asInt()).isEqualTo(890_001);
    }

    @Test
    void whaleAlertWithoutPriceHasNullUsdAndSortedFlags() throws Exception {
        JsonNode alert = new ObjectMapper().readTree(notifier.render(
                new WhaleAlert("whale-9", Fixtures.AT, Predictions.unknownConsolidation(9, 500)))).get("alert");
        assertThat(alert.get("usd_value").isNull()).isTrue();
        assertThat(alert.get("flags").toString()).isEqualTo("[\"consolidation\"]");
        assertThat(alert.get("flow_type").asText()).isEqualTo("unknown");
    }

    @Test
    void renderingIsDeterministicAcrossInstances() {
        AlertNotifier other = notifier(Map.of("WEBHOOK_SEND_WHALE_ALERTS", "true"));
        for (int i = 0; i < 5; i++) {
            assertThat(other.render(Fixtures.warning())).isEqualTo(notifier.render(Fixtures.warning()));
            assertThat(other.render(Fixtures.whale())).isEqualTo(notifier.render(Fixtures.whale()));
        }
    }

    @Test
    void whaleAlertsAreAcceptedOnlyWhenConfigured() {
        assertThat(notifier.channel()).isEqualTo("webhook");
        assertThat(notifier.accepts(Fixtures.warning())).isTrue();
        assertThat(notifier.accepts(Fixtures.whale())).isFalse();
        AlertNotifier withWhales = notifier(Map.of("WEBHOOK_SEND_WHALE_ALERTS", "true"));
        assertThat(withWhales.accepts(Fixtures.warning())).isTrue();
        assertThat(withWhales.accepts(Fixtures.whale())).isTrue();
        assertThat(notifier(Map.of("WEBHOOK_SEND_WHALE_ALERTS", "false")).accepts(Fixtures.whale())).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
