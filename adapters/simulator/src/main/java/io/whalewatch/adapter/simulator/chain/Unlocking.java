package io.whalewatch.adapter.simulator.chain;

import java.util.List;
import java.util.random.RandomGenerator;

/** Fakes realistic-sized unlocking data (scriptsig and witness) for each spendable script type. */
final class Unlocking {
    private Unlocking() {
    }

    /** An input spending {@code prevout} with plausible signatures; sizes match real ones. */
    static SimInput spend(RandomGenerator rng, String prevTxid, long vout, SimOutput prevout, long sequence) {
        String sig = signature(rng);
        String pub = pubkey(rng);
        return switch (prevout.script().type()) {
            case "p2pkh" -> new SimInput(prevTxid, vout, prevout, "48" + sig + "21" + pub,
                    "OP_PUSHBYTES_72 " + sig + " OP_PUSHBYTES_33 " + pub, List.of(), null, null, false, sequence);
            case "p2sh" -> nestedSegwit(rng, prevTxid, vout, prevout, sequence, sig, pub);
            case "v0_p2wsh" -> multisig(rng, prevTxid, vout, prevout, sequence);
            case "v1_p2tr" -> new SimInput(prevTxid, vout, prevout, "", "", List.of(Hex.randomHex(rng, 64)),
                    null, null, false, sequence);
            default -> new SimInput(prevTxid, vout, prevout, "", "", List.of(sig, pub), null, null, false, sequence);
        };
    }

    /** Legacy sigops x4 for bare checksig outputs, 1 per key-hash witness input: mempool's count. */
    static int sigops(List<SimInput> vin, List<SimOutput> vout) {
        int n = 0;
        for (SimInput i : vin) {
            String t = i.prevout().script().type();
            n += switch (t) {
                case "p2sh", "v0_p2wpkh" -> 1;
                case "v0_p2wsh" -> 3;
                default -> 0;
            };
        }
        for (SimOutput o : vout) {
            n += "p2pkh".equals(o.script().type()) ? 4 : 0;
        }
        return n;
    }

    private static SimInput nestedSegwit(RandomGenerator rng, String txid, long vout, SimOutput prevout,
                                         long sequence, String sig, String pub) {
        String h = Hex.randomHex(rng, 20);
        String redeem = "0014" + h;
        return new SimInput(txid, vout, prevout, "16" + redeem, "OP_PUSHBYTES_22 " + redeem, List.of(sig, pub),
                "OP_0 OP_PUSHBYTES_20 " + h, null, false, sequence);
    }

    private static SimInput multisig(RandomGenerator rng, String txid, long vout, SimOutput prevout, long sequence) {
        String k1 = pubkey(rng);
        String k2 = pubkey(rng);
        String k3 = pubkey(rng);
        String ws = "5221" + k1 + "21" + k2 + "21" + k3 + "53ae";
        String asm = "OP_PUSHNUM_2 OP_PUSHBYTES_33 " + k1 + " OP_PUSHBYTES_33 " + k2 + " OP_PUSHBYTES_33 " + k3
                + " OP_PUSHNUM_3 OP_CHECKMULTISIG";
        return new SimInput(txid, vout, prevout, "", "", List.of("", signature(rng), signature(rng), ws),
                null, asm, false, sequence);
    }

    /** A DER-shaped 72-byte ECDSA signature with SIGHASH_ALL. */
    static String signature(RandomGenerator rng) {
        byte[] r = Hex.random(rng, 32);
        r[0] |= (byte) 0x80;
        byte[] s = Hex.random(rng, 32);
        s[0] &= 0x7f;
        return "3045022100" + Hex.of(r) + "0220" + Hex.of(s) + "01";
    }

    static String pubkey(RandomGenerator rng) {
        return (rng.nextBoolean() ? "02" : "03") + Hex.randomHex(rng, 32);
    }
}
