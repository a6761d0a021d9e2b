package io.whalewatch.adapter.simulator.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * Encodes and decodes mainnet addresses: Base58Check (P2PKH, P2SH) and Bech32/Bech32m (segwit
 * v0/v1), so generated addresses are valid and book addresses map back to their scripts.
 */
public final class AddressCodec {
    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int BECH32M = 0x2bc830a3;

    /** A decoded segwit program. */
    public record Segwit(int version, byte[] program) {
    }

    private AddressCodec() {
    }

    public static String base58Check(int version, byte[] payload) {
        byte[] data = new byte[payload.length + 1];
        data[0] = (byte) version;
        System.arraycopy(payload, 0, data, 1, payload.length);
        byte[] check = Hex.sha256(Hex.sha256(data));
        byte[] full = Arrays.copyOf(data, data.length + 4);
        System.arraycopy(check, 0, full, data.length, 4);
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, full);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(B58.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < full.length && full[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    /** Version byte followed by payload, or null when the string is not valid Base58Check. */
    public static byte[] decodeBase58Check(String s) {
        BigInteger n = BigInteger.ZERO;
        for (char c : s.toCharArray()) {
            int d = B58.indexOf(c);
            if (d < 0) {
                return null;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        byte[] raw = n.toByteArray();
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] full = new byte[zeros + raw.length - strip];
        System.arraycopy(raw, strip, full, zeros, raw.length - strip);
        if (full.length < 5) {
            return null;
        }
        byte[] data = Arrays.copyOf(full, full.length - 4);
        byte[] check = Hex.sha256(Hex.sha256(data));
        return Arrays.equals(Arrays.copyOf(check, 4), Arrays.copyOfRange(full, data.length, full.length)) ? data : null;
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
