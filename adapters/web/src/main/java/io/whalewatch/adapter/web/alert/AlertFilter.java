package io.whalewatch.adapter.web.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.whalewatch.domain.detection.FlowType;
import io.whalewatch.domain.detection.SignalFlag;
import io.whalewatch.domain.prediction.Prediction;
import java.util.Locale;
import java.util.Set;

/**
 * A client's subscription filter, applied on the server (the prior implementation echoed filters
 * and ignored them). Empty sets mean "any".
 *
 * @param exchanges lower-case exchange names; an alert matches when it involves any of them
 */
record AlertFilter(Set<FlowType> flowTypes, double minBtc, double minUrgency, Set<String> exchanges,
                   Set<SignalFlag> excludeFlags) {
    static final AlertFilter ALL = new AlertFilter(Set.of(), 0, 0, Set.of(), Set.of());

    AlertFilter {
        flowTypes = Set.copyOf(flowTypes);
        exchanges = Set.copyOf(exchanges);
        excludeFlags = Set.copyOf(excludeFlags);
    }

    boolean matches(Prediction p) {
        return (flowTypes.isEmpty() || flowTypes.contains(p.flow().type()))
                && p.amount().transferred().btc() >= minBtc
                && p.urgency().value() >= minUrgency
                && (exchanges.isEmpty() || p.flow().exchanges().stream()
                        .anyMatch(e -> exchanges.contains(e.toLowerCase(Locale.ROOT))))
                && p.flags().stream().noneMatch(excludeFlags::contains);
    }

    /** The normalised filter, echoed in {@code subscribed}. */
    ObjectNode toJson() {
        ObjectNode f = AlertJson.MAPPER.createObjectNode();
        AlertJson.strings(f.putArray("flow_types"), flowTypes.stream().map(FlowType::wireName).sorted().toList());
        f.put("min_btc", minBtc);
        f.put("min_urgency", minUrgency);
        AlertJson.strings(f.putArray("exchanges"), exchanges.stream().sorted().toList());
        AlertJson.strings(f.putArray("exclude_flags"), excludeFlags.stream().map(SignalFlag::wireName).sorted().toList());
        return f;
    }
}
