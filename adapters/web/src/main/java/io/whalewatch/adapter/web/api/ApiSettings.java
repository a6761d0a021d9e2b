package io.whalewatch.adapter.web.api;

import io.whalewatch.application.spi.AdapterConfig;
import java.util.Optional;

/**
 * The REST API's settings. Keys and defaults: {@code API_RATE_LIMIT_PER_MINUTE} 120 requests per client
 * and minute (token bucket refill), {@code API_RATE_LIMIT_BURST} 30 (bucket size),
 * {@code API_MAX_HEADER_BYTES} 8192 (request line + headers), {@code API_MAX_BODY_BYTES} 65536,
 * {@code API_PUBLIC_WS_URL} unset (then {@code /api/config} names ws://&lt;request host&gt;:&lt;broadcaster port&gt;/).
 */
public record ApiSettings(int ratePerMinute, int burst, int maxHeaderBytes, int maxBodyBytes, Optional<String> publicWsUrl) {

    public static ApiSettings from(AdapterConfig c) {
        return new ApiSettings(
                c.getInt("API_RATE_LIMIT_PER_MINUTE", 120, 1, 1_000_000),
                c.getInt("API_RATE_LIMIT_BURST", 30, 1, 1_000_000),
                c.getInt("API_MAX_HEADER_BYTES", 8192, 1024, 1 << 20),
                c.getInt("API_MAX_BODY_BYTES", 65_536, 0, 16 << 20),
                c.find("API_PUBLIC_WS_URL").filter(s -> !s.isBlank()));
    }
}
