package io.whalewatch.adapter.labels;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Segwit addresses: Bech32 (BIP-173, witness version 0) and Bech32m (BIP-350, versions 1 to 16).
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /** A decoded segwit address: its human-readable part, witness version and program. */
    record Segwit(String hrp, int version, byte[] program) {
    }

    /** Decodes a segwit address with the given expected hrp rules, or null when invalid. */
    static Segwit decode(String address) {
        if (address.length() < 14 || address.length() > 90) {
            return null;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (!lower.equals(address) && !address.toUpperCase(Locale.ROOT).equals(address)) {
            return null; // BIP-173: mixed case is invalid
        }
        int sep = lower.lastIndexOf('1');
        if (sep < 1 || lower.length() - sep - 1 < 6) {
            return null;
        }
        String hrp = lower.substring(0, sep);
        int[] data = new int[lower.length() - sep - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = CHARSET.indexOf(lower.charAt(sep + 1 + i));
            if (data[i] < 0) {
                return null;
            }
        }
        return toSegwit(hrp, data);
    }

    private static Segwit toSegwit(String hrp, int[] data) {
        int version = data[0];
        int expected = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (version > 16 || polymod(hrp, data, data.length) != expected) {
            return null;
        }
        byte[] program = convertBits(data, 1, data.length - 6, 5, 8, false);
        if (program == null || program.length < 2 || program.length > 40) {
            return null;
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            return null;
        }
        return new Segwit(hrp, version, program);
    }

    /** Encodes a segwit address in lower case (Bech32 for version 0, Bech32m otherwise). */
    static String encode(String hrp, int version, byte[] program) {
        return encode(hrp, version, program, version != 0);
    }

    /** Encodes with the checksum variant given (tests use the wrong one to build invalid addresses). */
    static String encode(String hrp, int version, byte[] program, boolean bech32m) {
        int[] bits = toFiveBit(program);
        int[] data = new int[1 + bits.length + 6];
        data[0] = version;
        System.arraycopy(bits, 0, data, 1, bits.length);
        int checksum = polymod(hrp, data, data.length - 6) ^ (bech32m ? BECH32M_CONST : BECH32_CONST);
        for (int i = 0; i < 6; i++) {
            data[data.length - 6 + i] = (checksum >>> (5 * (5 - i))) & 31;
        }
        StringBuilder out = new StringBuilder(hrp.length() + 1 + data.length).append(hrp).append('1');
        for (int d : data) {
            out.append(CHARSET.charAt(d));
        }
        return out.toString();
    }

    /** BIP-173 checksum over the expanded hrp and the first {@code length} data values. */
    private static int polymod(String hrp, int[] data, int length) {
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

    private static int[] toFiveBit(byte[] program) {
        int[] in = new int[program.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = program[i] & 0xFF;
        }
        byte[] five = convertBits(in, 0, in.length, 8, 5, true);
        int[] out = new int[five.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = five[i];
        }
        return out;
    }

    /** Regroups bits (BIP-173 reference algorithm); null on invalid padding. */
    private static byte[] convertBits(int[] in, int from, int to, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << toBits) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (int i = from; i < to; i++) {
            acc = (acc << fromBits) | in[i];
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad && bits > 0) {
            out.write((acc << (toBits - bits)) & maxv);
        } else if (!pad && (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0)) {
            return null;
        }
        return out.toByteArray();
    }
}
