package io.whalewatch.adapter.simulator.chain;

import java.util.random.RandomGenerator;

/** Random output scripts with a mainnet-like mix of types. */
final class RandomScripts {
    private RandomScripts() {
    }

    static Script any(RandomGenerator rng) {
        int r = rng.nextInt(100);
        if (r < 45) {
            return Script.p2wpkh(Hex.random(rng, 20));
        }
        if (r < 60) {
            return Script.p2tr(Hex.random(rng, 32));
        }
        if (r < 78) {
            return Script.p2pkh(Hex.random(rng, 20));
        }
        if (r < 95) {
            return Script.p2sh(Hex.random(rng, 20));
        }
        return Script.p2wsh(Hex.random(rng, 32));
    }
}
