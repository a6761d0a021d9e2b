package io.whalewatch.adapter.simulator.chain;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Encodes and decodes mainnet segwit addresses (Bech32 for v0, Bech32m for v1+), so generated
 * addresses are valid and book addresses map back to their scripts. See {@link Base58Check}.
 */
public final class AddressCodec {
    private static final String B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int BECH32M = 0x2bc830a3;

    /** A decoded segwit program. */
    public record Segwit(int version, byte[] program) {
    }

    private AddressCodec() {
    }

    public static String segwit(int version, byte[] program) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(version);
        byte[] five = convertBits(program, 8, 5, true);
        data.write(five, 0, five.length);
        byte[] values = data.toByteArray();
        int constant = version == 0 ? 1 : BECH32M;
        int mod = polymod(concat(expandHrp("bc"), values, new byte[6])) ^ constant;
        StringBuilder sb = new StringBuilder("bc1");
        for (byte v : values) {
            sb.append(B32.charAt(v));
        }
        for (int i = 0; i < 6; i++) {
            sb.append(B32.charAt((mod >>> (5 * (5 - i))) & 31));
        }
        return sb.toString();
    }

    /** The decoded witness program of a mainnet segwit address, or null. */
    public static Segwit decodeSegwit(String address) {
        String s = address.toLowerCase(Locale.ROOT);
        if (!s.startsWith("bc1") || s.length() < 14 || s.length() > 90) {
            return null;
        }
        byte[] values = new byte[s.length() - 3];
        for (int i = 3; i < s.length(); i++) {
            int d = B32.indexOf(s.charAt(i));
            if (d < 0) {
                return null;
            }
            values[i - 3] = (byte) d;
        }
        int check = polymod(concat(expandHrp("bc"), values, new byte[0]));
        int version = values[0];
        if (check != (version == 0 ? 1 : BECH32M)) {
            return null;
        }
        byte[] program = convertBits(Arrays.copyOfRange(values, 1, values.length - 6), 5, 8, false);
        return program == null ? null : new Segwit(version, program);
    }

    private static int polymod(byte[] values) {
        int chk = 1;
        for (byte v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= GEN[i];
                }
            }
        }
        return chk;
    }

    private static byte[] expandHrp(String hrp) {
        byte[] out = new byte[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : in) {
            acc = (acc << from) | (b & 0xff);
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >> bits) & maxv);
            }
        }
        if (pad && bits > 0) {
            out.write((acc << (to - bits)) & maxv);
        } else if (!pad && (bits >= from || ((acc << (to - bits)) & maxv) != 0)) {
            return null;
        }
        return out.toByteArray();
    }
}
