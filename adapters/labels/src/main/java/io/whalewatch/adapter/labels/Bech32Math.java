package io.whalewatch.adapter.labels;

/** The arithmetic of BIP-173: the BCH checksum and regrouping between 8-bit and 5-bit values. */
final class Bech32Math {
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32Math() {
    }

    /** BIP-173 checksum over the expanded hrp and the first {@code length} data values. */
    static int polymod(String hrp, int[] data, int length) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int i = 0; i < length; i++) {
            chk = step(chk, data[i]);
        }
        if (length < data.length) {
            for (int i = 0; i < 6; i++) {
                chk = step(chk, 0);
            }
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    /** Regroups bits (BIP-173 reference algorithm); null on invalid padding. */
    static byte[] convertBits(int[] in, int from, int to, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << toBits) - 1;
        byte[] out = new byte[((to - from) * fromBits + toBits - 1) / toBits];
        int n = 0;
        for (int i = from; i < to; i++) {
            acc = (acc << fromBits) | in[i];
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out[n++] = (byte) ((acc >>> bits) & maxv);
            }
        }
        if (pad && bits > 0) {
            out[n++] = (byte) ((acc << (toBits - bits)) & maxv);
        } else if (!pad && (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0)) {
            return null;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
