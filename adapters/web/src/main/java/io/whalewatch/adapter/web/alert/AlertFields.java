package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.prediction.Prediction;
import java.util.Collection;

/**
 * The {@code whale_alert} data object, shared by the WebSocket and the REST API so that both always
 * describe a prediction with the same fields.
 */
public final class AlertFields {
    private AlertFields() {
    }

    /** alert_id, prediction_id, transaction_id, flow_type, btc_value, ..., confidence_score, flags. */
    public static ObjectNode of(Prediction p) {
        ObjectNode data = AlertJson.MAPPER.createObjectNode();
        data.put("alert_id", p.alertId());
        data.put("prediction_id", p.id().value());
        data.put("transaction_id", p.txid().value());
        data.put("flow_type", p.flow().type().wireName());
        data.put("btc_value", p.amount().transferred().btc());
        data.put("total_output_btc", p.amount().totalOutput().btc());
        if (p.usdValue().isPresent()) {
            data.put("usd_value", Math.round(p.usdValue().getAsDouble() * 100) / 100.0);
        } else {
            data.putNull("usd_value");
        }
        data.put("fee_rate", p.feeRate().satPerVbyte());
        data.put("urgency_score", p.urgency().value());
        data.put("rbf_enabled", p.rbfSignalled());
        data.put("detection_timestamp", AlertJson.iso(p.detectedAt()));
        data.put("predicted_confirmation_block", p.predictedHeight());
        data.put("tip_height", p.tipHeight());
        strings(data.putArray("exchange_addresses"), p.flow().exchangeAddresses());
        strings(data.putArray("exchanges"), p.flow().exchanges());
        data.put("confidence_score", p.flow().confidence());
        strings(data.putArray("flags"), p.flags().stream().map(SignalFlag::wireName).sorted().toList());
        return data;
    }

    /** ISO-8601 UTC with milliseconds, as every timestamp the server sends. */
    public static String iso(java.time.Instant t) {
        return AlertJson.iso(t);
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        AlertJson.strings(array, values);
    }
}
