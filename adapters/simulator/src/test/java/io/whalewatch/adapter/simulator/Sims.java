package io.whalewatch.adapter.simulator;

import io.whalewatch.adapter.simulator.chain.ExchangeWallets;
import io.whalewatch.application.spi.AdapterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Test helpers: fast simulators and a plain HTTP client. */
final class Sims {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Sims() {
    }

    /** A fast simulator (100 ms ticks, no scheduled blocks unless overridden) on a free port. */
    static GeneratingMempoolSimulator fast(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        m.put("SIM_TICK_MILLIS", "100");
        m.put("SIM_TX_RATE", "50");
        m.put("SIM_BLOCK_INTERVAL_SECONDS", "3600");
        m.put("SIM_SEED", "42");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return new GeneratingMempoolSimulator(SimulatorSettings.from(AdapterConfig.of(m)), ExchangeWallets.synthetic(),
                Clock.systemUTC());
    }

    static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** http://host:port from the ws URL. */
    static URI root(URI ws) {
        return URI.create("http://" + ws.getHost() + ":" + ws.getPort());
    }
}
