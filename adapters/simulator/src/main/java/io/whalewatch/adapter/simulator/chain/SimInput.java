package io.whalewatch.adapter.simulator.chain;

import java.util.List;

/**
 * A spent outpoint with its prevout and unlocking data, as esplora shows it.
 *
 * @param innerRedeemAsm  inner_redeemscript_asm (P2SH only), else null
 * @param innerWitnessAsm inner_witnessscript_asm (P2WSH only), else null
 */
public record SimInput(String txid, long vout, SimOutput prevout, String scriptsig, String scriptsigAsm,
                       List<String> witness, String innerRedeemAsm, String innerWitnessAsm, boolean coinbase,
                       long sequence) {
    public SimInput {
        witness = List.copyOf(witness);
    }

    /** Non-witness serialized bytes: outpoint 36 + script length 1 + script + sequence 4. */
    public int baseBytes() {
        return 41 + scriptsig.length() / 2;
    }

    /** Witness bytes (count + items with their length prefixes), 0 when legacy. */
    public int witnessBytes() {
        if (witness.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (String w : witness) {
            n += 1 + w.length() / 2;
        }
        return n;
    }
}
