package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.application.port.out.PredictionQueries.StoredOutcome;
import io.whalewatch.application.port.out.PredictionQueries.StoredPrediction;
import io.whalewatch.domain.prediction.Outcome;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.domain.prediction.PredictionUpdate;
import java.time.Instant;

/** {@code {"type":"alert_update","data":{alert_id, prediction_id, transaction_id, status, ...}}}. */
final class UpdateJson {
    private UpdateJson() {
    }

    static String of(PredictionUpdate u, Instant now) {
        ObjectNode data = identity(u.prediction(), u.outcome().status());
        Outcome o = u.outcome();
        if (o instanceof Outcome.Confirmed c) {
            data.put("confirmation_block", c.height());
            data.put("blocks_off", c.blocksOff());
            data.put("confirmed_at", AlertJson.iso(c.confirmedAt()));
        } else if (o instanceof Outcome.Replaced r) {
            data.put("replaced_by", r.by().value());
            data.put("replaced_at", AlertJson.iso(r.at()));
        } else if (o instanceof Outcome.Dropped d) {
            data.put("provisional", d.provisional());
            data.put("dropped_at", AlertJson.iso(d.at()));
        }
        return AlertJson.envelope("alert_update", data, now);
    }

    /**
     * The same message from a stored outcome (a resume's replay): the same fields, the moment the outcome
     * was determined standing for {@code confirmed_at} / {@code replaced_at} / {@code dropped_at}.
     */
    static String of(StoredPrediction stored, Instant now) {
        StoredOutcome o = stored.outcome();
        ObjectNode data = identity(stored.prediction(), o.status());
        String at = switch (o.status()) {
            case "confirmed" -> "confirmed_at";
            case "replaced" -> "replaced_at";
            default -> "dropped_at";
        };
        o.confirmationBlock().ifPresent(b -> data.put("confirmation_block", b));
        o.blocksOff().ifPresent(b -> data.put("blocks_off", b));
        o.replacedBy().ifPresent(t -> data.put("replaced_by", t.value()));
        if ("dropped".equals(o.status())) {
            data.put("provisional", o.provisional());
        }
        o.determinedAt().ifPresent(t -> data.put(at, AlertJson.iso(t)));
        return AlertJson.envelope("alert_update", data, now);
    }

    /** The fields every update has: which alert, its new status and the block it was predicted for. */
    private static ObjectNode identity(Prediction p, String status) {
        ObjectNode data = AlertJson.MAPPER.createObjectNode();
        data.put("alert_id", p.alertId());
        data.put("prediction_id", p.id().value());
        data.put("transaction_id", p.txid().value());
        data.put("status", status);
        data.put("predicted_confirmation_block", p.predictedHeight());
        return data;
    }
}
