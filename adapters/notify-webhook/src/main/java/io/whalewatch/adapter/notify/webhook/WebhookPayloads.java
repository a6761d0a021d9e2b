package io.whalewatch.adapter.notify.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.application.port.out.Notification;
import io.whalewatch.application.port.out.Notification.AccuracyAlert;
import io.whalewatch.application.port.out.Notification.WhaleAlert;
import io.whalewatch.domain.accuracy.AccuracyReport;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.prediction.Prediction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The webhook JSON bodies. Built as trees with fields added in a fixed order and written compact,
 * so a notification always renders to the same bytes (the outbox stores them; a redelivery after a
 * restart carries an identical body and signature). No reflection on our types, hence no opens.
 */
final class WebhookPayloads {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookPayloads() {
    }

    static String render(Notification notification) {
        ObjectNode root = MAPPER.createObjectNode();
        if (notification instanceof AccuracyAlert a) {
            root.put("event", "accuracy_alert");
            header(root, notification);
            accuracy(root, a);
        } else if (notification instanceof WhaleAlert w) {
            root.put("event", "whale_alert");
            header(root, notification);
            whale(root.putObject("alert"), w.prediction());
        } else {
            throw new IllegalArgumentException("unsupported notification: " + notification.getClass().getName());
        }
        return write(root);
    }

    private static void header(ObjectNode root, Notification n) {
        root.put("event_id", n.eventId());
        root.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(n.at()));
    }

    private static void accuracy(ObjectNode root, AccuracyAlert a) {
        AccuracyReport r = a.report();
        root.put("level", a.level().name().toLowerCase(Locale.ROOT));
        root.put("window", r.window().label());
        ratio(root, "accuracy", r.accuracy());
        root.put("threshold", a.threshold());
        ratio(root, "false_positive_rate", r.falsePositiveRate());
        root.put("sample_size", r.counts().resolved());
        root.put("accurate", r.counts().accurate());
        root.put("dropped", r.counts().dropped());
    }

    /** Ratios rounded to 4 decimals (0.6667, not 0.6666666666666666); null below the minimum sample. */
    private static void ratio(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, Math.round(value.getAsDouble() * 10_000) / 10_000.0);
        } else {
            node.putNull(field);
        }
    }

    /** The same fields, names and order as the alert WebSocket's {@code data} object. */
    private static void whale(ObjectNode data, Prediction p) {
        data.put("alert_id", p.alertId());
        data.put("prediction_id", p.id().value());
        data.put("transaction_id", p.txid().value());
        data.put("flow_type", p.flow().type().wireName());
        data.put("btc_value", p.amount().transferred().btc());
        data.put("total_output_btc", p.amount().totalOutput().btc());
        if (p.usdValue().isPresent()) {
            // BigDecimal: plain notation (14250000.00, not 1.425E7) for receivers that parse loosely.
            data.put("usd_value", BigDecimal.valueOf(p.usdValue().getAsDouble()).setScale(2, RoundingMode.HALF_UP));
        } else {
            data.putNull("usd_value");
        }
        data.put("fee_rate", p.feeRate().satPerVbyte());
        data.put("urgency_score", p.urgency().value());
        data.put("rbf_enabled", p.rbfSignalled());
        data.put("detection_timestamp", DateTimeFormatter.ISO_INSTANT.format(p.detectedAt()));
        data.put("predicted_confirmation_block", p.predictedHeight());
        data.put("tip_height", p.tipHeight());
        strings(data.putArray("exchanges"), p.flow().exchanges());
        strings(data.putArray("exchange_addresses"), p.flow().exchangeAddresses());
        data.put("confidence_score", p.flow().confidence());
        // Sorted: the flags are a set, whose iteration order is not stable across runs.
        strings(data.putArray("flags"), p.flags().stream().map(SignalFlag::wireName).sorted().toList());
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
