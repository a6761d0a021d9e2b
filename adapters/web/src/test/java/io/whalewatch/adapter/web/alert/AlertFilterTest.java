package io.whalewatch.adapter.web.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertFilterTest {
    static final Prediction BINANCE_INFLOW_300 = Predictions.inflow(1, 300);          // urgency 0.45, no flags
    static final Prediction UNKNOWN_CONSOLIDATION_900 = Predictions.unknownConsolidation(2, 900); // urgency 0.1

    static AlertFilter parse(String json) throws Exception {
        JsonNode n = AlertJson.MAPPER.readTree(json);
        return FilterParser.parse(n);
    }

    @ParameterizedTest(name = "{0} -> inflow {1}, consolidation {2}")
    @CsvSource(delimiter = '|', value = {
        "{}                                        | true  | true",
        "{\"flow_types\":[\"inflow\"]}             | true  | false",
        "{\"flow_types\":[\"unknown\",\"outflow\"]}| false | true",
        "{\"min_btc\":300}                         | true  | true",
        "{\"min_btc\":300.01}                      | false | true",
        "{\"min_urgency\":0.2}                     | true  | false",
        "{\"exchanges\":[\"BINANCE\"]}             | true  | false",
        "{\"exchanges\":[\"kraken\"]}              | false | false",
        "{\"exclude_flags\":[\"consolidation\"]}   | true  | false",
        "{\"exclude_flags\":[\"coinjoin_like\"]}   | true  | true",
        "null                                      | true  | true",
    })
    void matches(String filters, boolean inflow, boolean consolidation) throws Exception {
        AlertFilter f = parse(filters);
        assertThat(f.matches(BINANCE_INFLOW_300)).isEqualTo(inflow);
        assertThat(f.matches(UNKNOWN_CONSOLIDATION_900)).isEqualTo(consolidation);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "[]                          | filters must be an object",
        "{\"colour\":1}              | unknown filter: colour",
        "{\"flow_types\":\"inflow\"} | flow_types must be an array",
        "{\"flow_types\":[1]}        | flow_types must be an array of strings",
        "{\"flow_types\":[\"up\"]}   | flow_types: unknown value 'up'",
        "{\"min_btc\":-1}            | min_btc must be a number",
        "{\"min_btc\":\"5\"}         | min_btc must be a number",
        "{\"min_urgency\":1.5}       | min_urgency must be a number within 0..1",
        "{\"exclude_flags\":[\"x\"]} | exclude_flags: unknown value 'x'",
    })
    void refusesMalformedFiltersWithAClientSafeMessage(String filters, String message) {
        assertThatThrownBy(() -> parse(filters)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
