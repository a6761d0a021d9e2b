package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.prediction.Prediction;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** The server's messages as JSON text. Built from trees: no reflection on our types, no opens. */
final class AlertJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code {"type":"whale_alert","data":{...},"timestamp":...}}. */
    static String alert(Prediction p, Instant now) {
        ObjectNode data = MAPPER.createObjectNode();
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
        data.put("detection_timestamp", iso(p.detectedAt()));
        data.put("predicted_confirmation_block", p.predictedHeight());
        data.put("tip_height", p.tipHeight());
        strings(data.putArray("exchange_addresses"), p.flow().exchangeAddresses());
        strings(data.putArray("exchanges"), p.flow().exchanges());
        data.put("confidence_score", p.flow().confidence());
        strings(data.putArray("flags"), p.flags().stream().map(SignalFlag::wireName).sorted().toList());
        return envelope("whale_alert", data, now);
    }

    static String envelope(String type, JsonNode data, Instant now) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("type", type);
        msg.set("data", data);
        msg.put("timestamp", iso(now));
        return write(msg);
    }

    static String error(String message) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("type", "error");
        msg.put("message", message);
        return write(msg);
    }

    static String pong(Instant now) {
        ObjectNode msg = MAPPER.createObjectNode();
        msg.put("type", "pong");
        msg.put("timestamp", iso(now));
        return write(msg);
    }

    static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
