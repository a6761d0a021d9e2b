package io.whalewatch.adapter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** bitcoind-style frames (prevout null, witness []) while REST still has full prevouts. */
class PrevoutNullIT {
    @Test
    void framesHaveNullPrevoutsButRestHasThem() throws Exception {
        try (GeneratingMempoolSimulator sim = Sims.fast("SIM_PREVOUT_NULL", "true")) {
            URI ws = sim.start();
            JsonNode tx;
            try (WsClient c = new WsClient(ws)) {
                c.send("{\"track-mempool\": true}");
                tx = c.await(n -> n.has("mempool-transactions")
                        && n.get("mempool-transactions").get("added").size() > 0, Duration.ofSeconds(10))
                        .get("mempool-transactions").get("added").get(0);
            }
            for (JsonNode in : tx.get("vin")) {
                assertThat(in.get("prevout").isNull()).isTrue();
                assertThat(in.get("witness").isArray()).isTrue();
                assertThat(in.get("inner_redeemscript_asm").isTextual()).isTrue();
            }
            JsonNode rest = WsClient.MAPPER.readTree(Sims.get(sim.restBase(), "/tx/" + tx.get("txid").asText()).body());
            assertThat(rest.get("vin").get(0).get("prevout").get("value").asLong()).isPositive();
        }
    }
}
