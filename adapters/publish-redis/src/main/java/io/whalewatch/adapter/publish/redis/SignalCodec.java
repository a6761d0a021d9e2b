package io.whalewatch.adapter.publish.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.domain.chain.Satoshis;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.detection.FlowClassification;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.detection.TransferAmount;
import io.whalewatch.domain.fee.FeeRate;
import io.whalewatch.domain.fee.UrgencyScore;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionId;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The JSON of the Redis channel and stream, shared by the publisher and the feed so that a
 * decoded message equals the domain object that was encoded (the round trip is exact: amounts
 * travel in satoshis next to their BTC display value, the USD price next to the USD value,
 * timestamps with full precision). One flat object per message; see the module README section
 * of the final report for the schema. Built from Jackson trees: no reflection on our types.
 */
final class SignalCodec {
    static final int SCHEMA_VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SignalCodec() {
    }

    static String encode(Signal signal) {
        ObjectNode json = prediction(signal.type(), predictionOf(signal));
        if (signal instanceof Signal.Update u) {
            OutcomeJson.write(u.update().outcome(), json);
        }
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** @throws IllegalArgumentException naming the field when the text is not a valid message */
    static Signal decode(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Fields f = new Fields(json);
        Prediction p = prediction(f);
        String type = f.text("type");
        return switch (type) {
            case Signal.TYPE_ALERT -> new Signal.Alert(p);
            case Signal.TYPE_UPDATE -> new Signal.Update(new PredictionUpdate(p, OutcomeJson.read(f)));
            default -> throw new IllegalArgumentException("type: unknown message type '" + type + "'");
        };
    }

    private static Prediction predictionOf(Signal signal) {
        return signal instanceof Signal.Update u ? u.update().prediction() : ((Signal.Alert) signal).prediction();
    }

    private static ObjectNode prediction(String type, Prediction p) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("type", type);
        json.put("alert_id", p.alertId());
        json.put("prediction_id", p.id().value());
        json.put("transaction_id", p.txid().value());
        json.put("flow_type", p.flow().type().wireName());
        json.put("btc_value", p.amount().transferred().btc());
        json.put("value_sat", p.amount().transferred().value());
        json.put("total_output_btc", p.amount().totalOutput().btc());
        json.put("total_output_sat", p.amount().totalOutput().value());
        Fields.putOptional(json, "usd_value", p.usdValue());
        Fields.putOptional(json, "usd_per_btc", p.usdPerBtc());
        json.put("fee_rate", p.feeRate().satPerVbyte());
        json.put("urgency_score", p.urgency().value());
        json.put("rbf_enabled", p.rbfSignalled());
        json.put("detection_timestamp", Fields.iso(p.detectedAt()));
        json.put("predicted_confirmation_block", p.predictedHeight());
        json.put("tip_height", p.tipHeight());
        p.flow().exchangeAddresses().forEach(json.putArray("exchange_addresses")::add);
        p.flow().exchanges().forEach(json.putArray("exchanges")::add);
        json.put("confidence_score", p.flow().confidence());
        p.flags().stream().map(SignalFlag::wireName).sorted().forEach(json.putArray("flags")::add);
        return json;
    }

    private static Prediction prediction(Fields f) {
        Satoshis total = Satoshis.of(f.longValue("total_output_sat"));
        Satoshis transferred = Satoshis.of(f.longValue("value_sat"));
        TransferAmount amount = new TransferAmount(total, transferred, total.minus(transferred));
        FlowClassification flow = new FlowClassification(FlowType.fromWire(f.text("flow_type")),
                f.strings("exchanges"), f.strings("exchange_addresses"), f.doubleValue("confidence_score"));
        OptionalDouble usdPerBtc = f.optionalDouble("usd_per_btc");
        return new Prediction(new PredictionId(f.text("prediction_id")), f.longValue("alert_id"),
                TxId.of(f.text("transaction_id")), amount, flow, FeeRate.of(f.doubleValue("fee_rate")),
                new UrgencyScore(f.doubleValue("urgency_score")), f.bool("rbf_enabled"),
                f.instant("detection_timestamp"), f.intValue("tip_height"), f.intValue("predicted_confirmation_block"),
                f.strings("flags").stream().map(SignalFlag::fromWire).collect(Collectors.toSet()), usdPerBtc);
    }
}
