package io.whalewatch.adapter.publish.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import io.whalewatch.testkit.Predictions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignalCodecTest {

    static Stream<Prediction> predictions() {
        return Stream.of(Predictions.inflow(1, 150.5), Predictions.unknownConsolidation(2, 1234.00000001),
                Fixtures.awkward(3), Fixtures.awkward(Long.MAX_VALUE));
    }

    static Stream<PredictionUpdate> updates() {
        return predictions().flatMap(p -> Fixtures.everyUpdate(p).stream());
    }

    @ParameterizedTest
    @MethodSource("predictions")
    void alertsSurviveTheRoundTripExactly(Prediction p) {
        Signal decoded = SignalCodec.decode(SignalCodec.encode(new Signal.Alert(p)));

        assertThat(decoded).isEqualTo(new Signal.Alert(p));
        assertThat(((Signal.Alert) decoded).prediction().detectedAt()).isEqualTo(p.detectedAt());
    }

    @ParameterizedTest
    @MethodSource("updates")
    void updatesSurviveTheRoundTripExactly(PredictionUpdate u) {
        assertThat(SignalCodec.decode(SignalCodec.encode(new Signal.Update(u)))).isEqualTo(new Signal.Update(u));
    }

    @Test
    void alertIsOneFlatObjectWithTheDocumentedFields() throws Exception {
        JsonNode json = SignalCodec.MAPPER.readTree(SignalCodec.encode(new Signal.Alert(Predictions.inflow(7, 150.5))));

        assertThat(json.get("type").asText()).isEqualTo("whale_alert");
        assertThat(json.get("alert_id").asLong()).isEqualTo(7);
        assertThat(json.get("flow_type").asText()).isEqualTo("inflow");
        assertThat(json.get("btc_value").asDouble()).isEqualTo(150.5);
        assertThat(json.get("value_sat").asLong()).isEqualTo(15_050_000_000L);
        assertThat(json.get("usd_value").asDouble()).isEqualTo(150.5 * 95_000.0);
        assertThat(json.get("detection_timestamp").asText()).isEqualTo("2026-11-22T10:00:07Z");
        assertThat(json.get("exchanges").get(0).asText()).isEqualTo("Binance");
        assertThat(json.has("status")).isFalse();
        assertThat(iterable(json)).containsExactly("schema_version", "type", "alert_id", "prediction_id",
                "transaction_id", "flow_type", "btc_value", "value_sat", "total_output_btc", "total_output_sat",
                "usd_value", "usd_per_btc", "fee_rate", "urgency_score", "rbf_enabled", "detection_timestamp",
                "predicted_confirmation_block", "tip_height", "exchange_addresses", "exchanges", "confidence_score", "flags");
    }

    @Test
    void updateCarriesTheAlertAndEveryStatusKey() throws Exception {
        Prediction p = Predictions.unknownConsolidation(9, 500);
        JsonNode json = SignalCodec.MAPPER.readTree(SignalCodec.encode(new Signal.Update(Fixtures.everyUpdate(p).get(2))));

        assertThat(json.get("type").asText()).isEqualTo("alert_update");
        assertThat(json.get("status").asText()).isEqualTo("replaced");
        assertThat(json.get("replaced_by").asText()).isEqualTo(Predictions.txid(999_999).value());
        assertThat(json.get("confirmation_block").isNull()).isTrue();
        assertThat(json.get("usd_value").isNull()).isTrue();
        assertThat(json.get("flags").get(0).asText()).isEqualTo("consolidation");
        assertThat(iterable(json)).contains("confirmation_block", "blocks_off", "confirmed_at", "replaced_by",
                "replaced_at", "provisional", "dropped_at");
    }

    @Test
    void malformedMessagesAreRejectedNamingTheField() {
        String good = SignalCodec.encode(new Signal.Alert(Predictions.inflow(1, 150)));

        assertThatThrownBy(() -> SignalCodec.decode("{nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> SignalCodec.decode("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> SignalCodec.decode(good.replace("\"value_sat\"", "\"x\""))).hasMessageContaining("value_sat: missing");
        assertThatThrownBy(() -> SignalCodec.decode(good.replace("\"whale_alert\"", "\"other\""))).hasMessageContaining("unknown message type");
        assertThatThrownBy(() -> SignalCodec.decode(good.replace("\"rbf_enabled\":true", "\"rbf_enabled\":\"yes\"")))
                .hasMessageContaining("rbf_enabled");
        assertThatThrownBy(() -> SignalCodec.decode(good.replace("2026-11-22T10:00:01Z", "yesterday")))
                .hasMessageContaining("detection_timestamp");
    }

    private static List<String> iterable(JsonNode json) {
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
