package io.whalewatch.adapter.simulator.chain;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58Check, the encoding of legacy mainnet addresses (P2PKH version 0x00, P2SH 0x05). */
public final class Base58Check {
    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private Base58Check() {
    }

    public static String encode(int version, byte[] payload) {
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
    public static byte[] decode(String s) {
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
}
