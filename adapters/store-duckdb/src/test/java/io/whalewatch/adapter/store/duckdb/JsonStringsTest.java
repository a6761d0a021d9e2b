package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonStringsTest {
    @Test
    void writes_json_arrays_with_escapes() {
        assertThat(JsonStrings.write(List.of())).isEqualTo("[]");
        assertThat(JsonStrings.write(List.of("a", "b\"c", "d\\e", "f\ng", "\u0001")))
                .isEqualTo("[\"a\",\"b\\\"c\",\"d\\\\e\",\"f\\ng\",\"\\u0001\"]");
    }

    @Test
    void reads_back_what_it_wrote() {
        List<String> values = List.of("Binance", "Bit\"finex", "C:\\x", "tab\there", "Zürich €", "", "\u0002");
        assertThat(JsonStrings.read(JsonStrings.write(values))).isEqualTo(values);
    }

    @Test
    void reads_json_written_by_others() {
        assertThat(JsonStrings.read(" [ \"a\" , \"b\\/c\", \"\\u00e9\" ] ")).containsExactly("a", "b/c", "é");
        assertThat(JsonStrings.read(null)).isEmpty();
        assertThat(JsonStrings.read("  ")).isEmpty();
        assertThat(JsonStrings.read("[ ]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[\"a\"", "[\"a\",]", "\"a\"", "[\"\\u00\"]"})
    void rejects_malformed_arrays(String json) {
        assertThatThrownBy(() -> JsonStrings.read(json)).isInstanceOf(IllegalArgumentException.class);
    }
}
