package io.whalewatch.adapter.labels;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Base58 as used by Bitcoin legacy addresses (P2PKH, P2SH): a big-endian number in base 58 whose
 * leading '1' characters stand for leading zero bytes.
 */
final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final byte[] INDEX = new byte[128];
    /**
     * One digest per thread: looking SHA-256 up per address ({@code MessageDigest.getInstance}, a
     * provider search and a reflective constructor) cost more than hashing when a large book loads.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    static {
        Arrays.fill(INDEX, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base58() {
    }

    /**
     * Decodes into exactly {@code length} bytes, or returns null when the text is not Base58, does
     * not fit, or is not the canonical encoding of those bytes (so decoding is one-to-one and two
     * different strings never decode to the same bytes).
     */
    static byte[] decode(CharSequence text, int length) {
        // The number is accumulated in 32-bit limbs (big-endian), four times fewer steps than bytes.
        int[] limbs = new int[(length + 3) / 4];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                return null;
            }
            long carry = digit;
            for (int j = limbs.length - 1; j >= 0; j--) {
                carry += (limbs[j] & 0xFFFFFFFFL) * 58;
                limbs[j] = (int) carry;
                carry >>>= 32;
            }
            if (carry != 0) {
                return null;
            }
        }
        int spare = limbs.length * 4 - length;
        if (spare > 0 && limbs[0] >>> (32 - 8 * spare) != 0) {
            return null;
        }
        byte[] out = toBytes(limbs, spare, length);
        return leadingZeros(out) == leadingOnes(text) ? out : null;
    }

    private static byte[] toBytes(int[] limbs, int skip, int length) {
        byte[] out = new byte[length];
        for (int k = 0; k < length; k++) {
            int pos = k + skip;
            out[k] = (byte) (limbs[pos >> 2] >>> (8 * (3 - (pos & 3))));
        }
        return out;
    }

    static String encode(byte[] bytes) {
        byte[] number = bytes.clone();
        char[] out = new char[bytes.length * 2];
        int pos = out.length;
        int zeros = leadingZeros(bytes);
        for (int start = zeros; start < number.length; ) {
            int remainder = 0;
            for (int j = start; j < number.length; j++) {
                int acc = (remainder << 8) | (number[j] & 0xFF);
                number[j] = (byte) (acc / 58);
                remainder = acc % 58;
            }
            out[--pos] = ALPHABET.charAt(remainder);
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        for (int i = 0; i < zeros; i++) {
            out[--pos] = '1';
        }
        return new String(out, pos, out.length - pos);
    }

    /** True when the last 4 bytes are the first 4 bytes of SHA-256(SHA-256(the rest)). */
    static boolean checksumValid(byte[] bytes) {
        byte[] hash = doubleSha256(bytes, bytes.length - 4);
        for (int i = 0; i < 4; i++) {
            if (hash[i] != bytes[bytes.length - 4 + i]) {
                return false;
            }
        }
        return true;
    }

    /** The payload followed by its 4-byte double-SHA-256 checksum. */
    static byte[] withChecksum(byte[] payload) {
        byte[] out = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(doubleSha256(payload, payload.length), 0, out, payload.length, 4);
        return out;
    }

    private static byte[] doubleSha256(byte[] bytes, int length) {
        MessageDigest sha = SHA256.get(); // digest() resets it, so it is clean for the next call
        sha.update(bytes, 0, length);
        return sha.digest(sha.digest());
    }

    private static int leadingZeros(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] == 0) {
            n++;
        }
        return n;
    }

    private static int leadingOnes(CharSequence text) {
        int n = 0;
        while (n < text.length() && text.charAt(n) == '1') {
            n++;
        }
        return n;
    }
}
