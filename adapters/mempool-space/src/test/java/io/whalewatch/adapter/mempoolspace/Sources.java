package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.application.spi.AdapterConfig;
import io.whalewatch.application.spi.AdapterContext;
import io.whalewatch.application.spi.Ports;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Creates sources through the provider, with fast reconnects for tests. */
final class Sources {
    static final Duration WAIT = Duration.ofSeconds(10);

    private Sources() {
    }

    static MempoolSource create(URI wsUrl, String... keyValues) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("MEMPOOL_WS_URL", wsUrl.toString());
        cfg.put("MEMPOOL_RECONNECT_MIN_MS", "50");
        cfg.put("MEMPOOL_RECONNECT_MAX_MS", "200");
        for (int i = 0; i < keyValues.length; i += 2) {
            cfg.put(keyValues[i], keyValues[i + 1]);
        }
        return new MempoolSpaceSourceProvider()
                .create(new AdapterContext(AdapterConfig.of(cfg), Clock.systemUTC(), Ports.none()));
    }
}
