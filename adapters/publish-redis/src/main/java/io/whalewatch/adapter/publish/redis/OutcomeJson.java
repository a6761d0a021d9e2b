package io.whalewatch.adapter.publish.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.domain.chain.TxId;
import io.whalewatch.domain.prediction.Outcome;

/**
 * The update part of an {@code alert_update} message. Every key is always present (null when it
 * does not apply to the status), so consumers see one fixed shape.
 */
final class OutcomeJson {
    private OutcomeJson() {
    }

    static void write(Outcome outcome, ObjectNode json) {
        json.put("status", outcome.status());
        for (String key : new String[] {"confirmation_block", "blocks_off", "confirmed_at", "replaced_by",
                "replaced_at", "provisional", "dropped_at"}) {
            json.putNull(key);
        }
        if (outcome instanceof Outcome.Confirmed c) {
            json.put("confirmation_block", c.height());
            json.put("blocks_off", c.blocksOff());
            json.put("confirmed_at", Fields.iso(c.confirmedAt()));
        } else if (outcome instanceof Outcome.Replaced r) {
            json.put("replaced_by", r.by().value());
            json.put("replaced_at", Fields.iso(r.at()));
        } else if (outcome instanceof Outcome.Dropped d) {
            json.put("provisional", d.provisional());
            json.put("dropped_at", Fields.iso(d.at()));
        }
    }

    static Outcome read(Fields f) {
        String status = f.text("status");
        return switch (status) {
            case "pending" -> new Outcome.Pending();
            case "confirmed" -> new Outcome.Confirmed(f.intValue("confirmation_block"), f.instant("confirmed_at"),
                    f.intValue("blocks_off"));
            case "replaced" -> new Outcome.Replaced(TxId.of(f.text("replaced_by")), f.instant("replaced_at"));
            case "dropped" -> new Outcome.Dropped(f.bool("provisional"), f.instant("dropped_at"));
            default -> throw new IllegalArgumentException("status: unknown status '" + status + "'");
        };
    }
}
