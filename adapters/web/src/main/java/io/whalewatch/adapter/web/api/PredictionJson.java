package io.whalewatch.adapter.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.adapter.web.alert.AlertFields;
import io.whalewatch.application.port.out.PredictionQueries.StoredOutcome;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;

/** PREDICTION: the WebSocket's whale_alert data object plus {@code outcome}. */
final class PredictionJson {
    private PredictionJson() {
    }

    static ObjectNode of(StoredPrediction s) {
        ObjectNode node = AlertFields.of(s.prediction());
        StoredOutcome o = s.outcome();
        ObjectNode outcome = node.putObject("outcome");
        outcome.put("status", o.status());
        outcome.put("provisional", o.provisional());
        putInt(outcome, "confirmation_block", o.confirmationBlock());
        putInt(outcome, "blocks_off", o.blocksOff());
        if (o.timeToConfirmationSeconds().isPresent()) {
            outcome.put("time_to_confirmation", o.timeToConfirmationSeconds().getAsLong());
        } else {
            outcome.putNull("time_to_confirmation");
        }
        outcome.put("replaced_by", o.replacedBy().map(t -> t.value()).orElse(null));
        if (o.accurate().isPresent()) {
            outcome.put("accurate", o.accurate().get());
        } else {
            outcome.putNull("accurate");
        }
        outcome.put("determined_at", o.determinedAt().map(AlertFields::iso).orElse(null));
        return node;
    }

    private static void putInt(ObjectNode node, String name, java.util.OptionalInt value) {
        if (value.isPresent()) {
            node.put(name, value.getAsInt());
        } else {
            node.putNull(name);
        }
    }
}
