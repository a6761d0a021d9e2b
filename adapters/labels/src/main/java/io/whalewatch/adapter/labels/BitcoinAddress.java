package io.whalewatch.adapter.labels;

import java.util.Arrays;
import java.util.List;

/**
 * Validates Bitcoin addresses and converts them to a compact, canonical byte form.
 *
 * <p>Legacy addresses (mainnet {@code 1...}/{@code 3...}, testnet {@code m}/{@code n}/{@code 2})
 * are Base58Check: a version byte, a 20-byte hash and a 4-byte double-SHA-256 checksum. Segwit
 * addresses ({@code bc1}, {@code tb1}, {@code bcrt1}) are Bech32 for witness version 0 and Bech32m
 * for versions 1 to 16.
 *
 * <p>The packed form is the 25 decoded bytes for a legacy address (version, hash, checksum: keeping
 * the checksum lets a lookup compare bytes without hashing again), and for a segwit address one
 * byte {@code 0x10 + 0x20 * hrpIndex + version} followed by the witness program. Packing is
 * one-to-one: equal packed bytes mean the same address (segwit addresses compare case-insensitively,
 * as BIP-173 defines them).
 */
public final class BitcoinAddress {
    private static final int LEGACY_LENGTH = 25;
    private static final List<String> HRPS = List.of("bc", "tb", "bcrt");
    private static final byte[] LEGACY_VERSIONS = {0x00, 0x05, 0x6f, (byte) 0xc4};

    private BitcoinAddress() {
    }

    /** True when the text is a valid mainnet, testnet or regtest address. */
    public static boolean isValid(String address) {
        return pack(address) != null;
    }

    /** The packed form, or null when the text is not a valid address. */
    public static byte[] pack(String address) {
        if (address == null || address.length() < 14 || address.length() > 90) {
            return null;
        }
        char first = address.charAt(0);
        if (first == 'b' || first == 'B' || first == 't' || first == 'T') {
            return packSegwit(address);
        }
        return packLegacy(address);
    }

    /**
     * The packed form for a lookup, or null. Skips the legacy checksum hash: the packed bytes keep
     * the checksum, so they can only equal those of an address that was validated when stored.
     */
    static byte[] packForLookup(String address) {
        if (address == null || address.length() < 14 || address.length() > 90) {
            return null;
        }
        char first = address.charAt(0);
        if (first == 'b' || first == 'B' || first == 't' || first == 'T') {
            return packSegwit(address);
        }
        return address.length() > 35 ? null : Base58.decode(address, LEGACY_LENGTH);
    }

    /** The address text for a packed form made by {@link #pack}. */
    public static String unpack(byte[] packed) {
        if (packed.length == LEGACY_LENGTH && isLegacyVersion(packed[0])) {
            return Base58.encode(packed);
        }
        int kind = (packed[0] & 0xFF) - 0x10;
        return Bech32.encode(HRPS.get(kind / 0x20), kind % 0x20, Arrays.copyOfRange(packed, 1, packed.length));
    }

    /** A legacy address from a version byte (0x00, 0x05, 0x6f, 0xc4) and a 20-byte hash. */
    public static String legacy(int version, byte[] hash160) {
        byte[] payload = new byte[21];
        payload[0] = (byte) version;
        System.arraycopy(hash160, 0, payload, 1, 20);
        return Base58.encode(Base58.withChecksum(payload));
    }

    /** A segwit address for the hrp ("bc", "tb", "bcrt"), witness version and program. */
    public static String segwit(String hrp, int version, byte[] program) {
        return Bech32.encode(hrp, version, program);
    }

    private static byte[] packLegacy(String address) {
        if (address.length() > 35) {
            return null;
        }
        byte[] bytes = Base58.decode(address, LEGACY_LENGTH);
        if (bytes == null || !isLegacyVersion(bytes[0]) || !Base58.checksumValid(bytes)) {
            return null;
        }
        return bytes;
    }

    private static byte[] packSegwit(String address) {
        Bech32.Segwit segwit = Bech32.decode(address);
        if (segwit == null || !HRPS.contains(segwit.hrp())) {
            return null;
        }
        byte[] packed = new byte[1 + segwit.program().length];
        packed[0] = (byte) (0x10 + 0x20 * HRPS.indexOf(segwit.hrp()) + segwit.version());
        System.arraycopy(segwit.program(), 0, packed, 1, segwit.program().length);
        return packed;
    }

    private static boolean isLegacyVersion(byte version) {
        for (byte v : LEGACY_VERSIONS) {
            if (v == version) {
                return true;
            }
        }
        return false;
    }
}
