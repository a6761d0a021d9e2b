package io.whalewatch.adapter.labels;

import java.util.Locale;

/**
 * Segwit addresses: Bech32 (BIP-173, witness version 0) and Bech32m (BIP-350, versions 1 to 16).
 */
final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;
    private static final byte[] REVERSE = new byte[128];

    static {
        java.util.Arrays.fill(REVERSE, (byte) -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            REVERSE[CHARSET.charAt(i)] = (byte) i;
            REVERSE[Character.toUpperCase(CHARSET.charAt(i))] = (byte) i;
        }
    }

    private Bech32() {
    }

    /** A decoded segwit address: its human-readable part, witness version and program. */
    record Segwit(String hrp, int version, byte[] program) {
    }

    /** Decodes a segwit address, or null when it is not valid Bech32/Bech32m segwit. */
    static Segwit decode(String address) {
        int length = address.length();
        if (length < 14 || length > 90 || mixedCaseOrInvalid(address)) {
            return null;
        }
        int sep = address.lastIndexOf('1');
        if (sep < 1 || length - sep - 1 < 6) {
            return null;
        }
        String hrp = address.substring(0, sep).toLowerCase(Locale.ROOT);
        int[] data = new int[length - sep - 1];
        for (int i = 0; i < data.length; i++) {
            char c = address.charAt(sep + 1 + i);
            data[i] = c < 128 ? REVERSE[c] : -1;
            if (data[i] < 0) {
                return null;
            }
        }
        return toSegwit(hrp, data);
    }

    /** BIP-173: printable US-ASCII only, and all lower or all upper case. */
    private static boolean mixedCaseOrInvalid(String s) {
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                return true;
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        return lower && upper;
    }

    private static Segwit toSegwit(String hrp, int[] data) {
        int version = data[0];
        int expected = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (version > 16 || Bech32Math.polymod(hrp, data, data.length) != expected) {
            return null;
        }
        byte[] program = Bech32Math.convertBits(data, 1, data.length - 6, 5, 8, false);
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
        int checksum = Bech32Math.polymod(hrp, data, data.length - 6) ^ (bech32m ? BECH32M_CONST : BECH32_CONST);
        for (int i = 0; i < 6; i++) {
            data[data.length - 6 + i] = (checksum >>> (5 * (5 - i))) & 31;
        }
        StringBuilder out = new StringBuilder(hrp.length() + 1 + data.length).append(hrp).append('1');
        for (int d : data) {
            out.append(CHARSET.charAt(d));
        }
        return out.toString();
    }

    private static int[] toFiveBit(byte[] program) {
        int[] in = new int[program.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = program[i] & 0xFF;
        }
        byte[] five = Bech32Math.convertBits(in, 0, in.length, 8, 5, true);
        int[] out = new int[five.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = five[i];
        }
        return out;
    }

}
