package io.whalewatch.adapter.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.application.port.in.QueryPredictionsUseCase;
import io.whalewatch.application.port.in.QueryPredictionsUseCase.Page;
import io.whalewatch.application.port.out.PredictionCriteria;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET /api/predictions} (filters, cursor paging) and {@code GET /api/predictions/{id}}. */
final class PredictionsResource {
    static final int MAX_LIMIT = 500;
    static final Set<String> PARAMS = Set.of("from", "to", "flow_type", "min_btc", "max_btc", "min_urgency",
            "exchange", "status", "flag", "limit", "cursor");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:.-]{1,128}");
    private final Optional<QueryPredictionsUseCase> predictions;

    PredictionsResource(Optional<QueryPredictionsUseCase> predictions) {
        this.predictions = predictions;
    }

    ApiResponse list(ApiRequest r) {
        r.allowOnly(PARAMS);
        PredictionCriteria criteria = criteria(r);
        Page page = ApiPorts.required(predictions, "the prediction store").list(criteria);
        ObjectNode body = ApiResponse.JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(s -> items.add(PredictionJson.of(s)));
        body.put("next_cursor", page.nextBeforeAlertId().isPresent() ? Cursor.encode(page.nextBeforeAlertId().getAsLong()) : null);
        return ApiResponse.json(body);
    }

    ApiResponse one(ApiRequest r) {
        r.allowOnly(Set.of());
        String id = r.pathVariables().get(0);
        if (!ID.matcher(id).matches()) {
            throw ApiException.badParameter("id", "expected a txid (64 hex digits) or a prediction id");
        }
        return ApiPorts.required(predictions, "the prediction store").find(id).map(PredictionJson::of)
                .map(ApiResponse::json).orElseThrow(() -> ApiException.notFound("no prediction with id " + id));
    }

    static PredictionCriteria criteria(ApiRequest r) {
        var from = Params.instant(r, "from");
        var to = Params.instant(r, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ApiException.badParameter("to", "must be after 'from'");
        }
        var minBtc = Params.number(r, "min_btc", 0, 21e6);
        var maxBtc = Params.number(r, "max_btc", 0, 21e6);
        if (minBtc.isPresent() && maxBtc.isPresent() && minBtc.getAsDouble() > maxBtc.getAsDouble()) {
            throw ApiException.badParameter("max_btc", "must not be below 'min_btc'");
        }
        Set<FlowType> flows = Params.list(r, "flow_type", FlowType::fromWire, "inflow, outflow, internal or unknown");
        Set<String> statuses = Params.list(r, "status", PredictionsResource::status, "pending, confirmed, replaced or dropped");
        Set<SignalFlag> flags = Params.list(r, "flag", SignalFlag::fromWire, "consolidation, coinjoin_like or self_transfer");
        Set<String> exchanges = Params.list(r, "exchange", PredictionsResource::exchange, "exchange names of at most 100 characters");
        long before = r.param("cursor").map(Cursor::decode).orElse(0L);
        int limit = Params.integer(r, "limit", 50, 1, MAX_LIMIT);
        return new PredictionCriteria(from, to, flows, minBtc, maxBtc, Params.number(r, "min_urgency", 0, 1),
                exchanges, statuses, flags, before, limit);
    }

    private static String status(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (!PredictionCriteria.STATUSES.contains(lower)) {
            throw new IllegalArgumentException(s);
        }
        return lower;
    }

    private static String exchange(String s) {
        if (s.length() > 100) {
            throw new IllegalArgumentException(s);
        }
        return s;
    }
}
