package io.whalewatch.adapter.simulator.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AddressCodecTest {
    @Test
    void knownAddressesDecodeToTheirScripts() {
        assertThat(Script.ofAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").orElseThrow().hex())
                .isEqualTo("76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac");
        assertThat(Script.ofAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").orElseThrow().type())
                .isEqualTo("v0_p2wpkh");
        assertThat(Script.ofAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx")).as("bad checksum").isEmpty();
        assertThat(Script.ofAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).as("bad checksum").isEmpty();
        assertThat(Script.ofAddress("not an address")).isEmpty();
    }

    @Test
    void generatedAddressesRoundTrip() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < 50; i++) {
            for (Script s : new Script[] {Script.p2pkh(Hex.random(rng, 20)), Script.p2sh(Hex.random(rng, 20)),
                    Script.p2wpkh(Hex.random(rng, 20)), Script.p2wsh(Hex.random(rng, 32)),
                    Script.p2tr(Hex.random(rng, 32))}) {
                assertThat(Script.ofAddress(s.address())).contains(s);
            }
        }
        assertThat(Script.p2tr(new byte[32]).address()).startsWith("bc1p");
        assertThat(Script.p2wpkh(new byte[20]).address()).startsWith("bc1q");
        assertThat(Script.p2sh(new byte[20]).address()).startsWith("3");
    }
}
