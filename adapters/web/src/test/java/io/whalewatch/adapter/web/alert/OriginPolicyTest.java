package io.whalewatch.adapter.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    @Test
    void theDefaultAllowsTheSameHostOnAnyPortAndClientsWithoutOrigin() {
        OriginPolicy p = OriginPolicy.parse(null);
        assertThat(p.allows(null, "example.com:8765")).isTrue();
        assertThat(p.allows("https://example.com:8001", "example.com:8765")).isTrue();
        assertThat(p.allows("https://EXAMPLE.com", "example.com")).isTrue();
        assertThat(p.allows("https://evil.com", "example.com:8765")).isFalse();
        assertThat(p.allows("https://example.com.evil.com", "example.com")).isFalse();
        assertThat(p.allows("null", "example.com")).isFalse();
        assertThat(p.allows("http://[::1]:8001", "[::1]:8765")).isTrue();
        assertThat(p.allows("https://example.com", null)).isFalse();
    }

    @Test
    void aListIsExactAndStarAllowsAll() {
        OriginPolicy list = OriginPolicy.parse("https://a.example, http://b.example:8080/");
        assertThat(list.allows("https://a.example", "x")).isTrue();
        assertThat(list.allows("http://b.example:8080", "x")).isTrue();
        assertThat(list.allows("http://a.example", "a.example")).isFalse();
        assertThat(OriginPolicy.parse("*").allows("https://anything", "x")).isTrue();
    }
}
