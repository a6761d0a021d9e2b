package io.whalewatch.adapter.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitcoinAddressTest {

    static Stream<Arguments> validAddresses() {
        return Stream.of(
                Arguments.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "P2PKH mainnet (genesis coinbase)"),
                Arguments.of(BitcoinAddress.legacy(0x00, bytes(20, 7)), "P2PKH mainnet"),
                Arguments.of(BitcoinAddress.legacy(0x00, zeroFirst(bytes(20, 9))), "P2PKH with a leading zero hash byte (11...)"),
                Arguments.of(BitcoinAddress.legacy(0x05, bytes(20, 11)), "P2SH mainnet"),
                Arguments.of(BitcoinAddress.legacy(0x6f, bytes(20, 13)), "P2PKH testnet"),
                Arguments.of(BitcoinAddress.legacy(0xc4, bytes(20, 17)), "P2SH testnet"),
                Arguments.of("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "P2WPKH (BIP-173 example)"),
                Arguments.of("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "P2WPKH in upper case"),
                Arguments.of(BitcoinAddress.segwit("bc", 0, bytes(32, 19)), "P2WSH mainnet"),
                Arguments.of(BitcoinAddress.segwit("bc", 1, bytes(32, 23)), "P2TR mainnet (Bech32m)"),
                Arguments.of(BitcoinAddress.segwit("tb", 0, bytes(20, 29)), "P2WPKH testnet"),
                Arguments.of(BitcoinAddress.segwit("tb", 1, bytes(32, 31)), "P2TR testnet"),
                Arguments.of(BitcoinAddress.segwit("bcrt", 0, bytes(20, 37)), "P2WPKH regtest"),
                Arguments.of(BitcoinAddress.segwit("bc", 16, bytes(2, 41)), "future witness version 16, 2-byte program"),
                Arguments.of(BitcoinAddress.segwit("bc", 2, bytes(40, 43)), "future witness version 2, 40-byte program"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("validAddresses")
    void validAddressesPackAndUnpackToTheSameText(String address, String kind) {
        byte[] packed = BitcoinAddress.pack(address);
        assertThat(packed).as(kind).isNotNull();
        assertThat(BitcoinAddress.unpack(packed)).isEqualTo(address.startsWith("BC1") ? address.toLowerCase() : address);
        assertThat(BitcoinAddress.packForLookup(address)).isEqualTo(packed);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("validAddresses")
    void everySingleCharacterChangeIsRejected(String address, String kind) {
        String alphabet = address.startsWith("1") || address.startsWith("3") || address.startsWith("m")
                || address.startsWith("n") || address.startsWith("2")
                ? "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz" : "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        String body = address.toLowerCase().equals(address) || alphabet.length() == 58 ? address : address.toLowerCase();
        int start = body.startsWith("bcrt1") ? 5 : body.startsWith("bc1") || body.startsWith("tb1") ? 3 : 0;
        for (int i = start; i < body.length(); i++) {
            for (char c : new char[] {alphabet.charAt(0), alphabet.charAt(alphabet.length() / 2)}) {
                if (c == body.charAt(i)) {
                    continue;
                }
                String corrupted = body.substring(0, i) + c + body.substring(i + 1);
                assertThat(BitcoinAddress.isValid(corrupted)).as(kind + " corrupted at " + i + ": " + corrupted).isFalse();
            }
        }
    }

    static Stream<Arguments> invalidAddresses() {
        return Stream.of(
                Arguments.of(Bech32.encode("bc", 0, bytes(20, 3), true), "witness v0 with a Bech32m checksum"),
                Arguments.of(Bech32.encode("bc", 1, bytes(32, 3), false), "witness v1 with a Bech32 checksum"),
                Arguments.of(Bech32.encode("bc", 0, bytes(25, 3), false), "witness v0 with a 25-byte program"),
                Arguments.of(Bech32.encode("bc", 1, bytes(41, 3), true), "program longer than 40 bytes"),
                Arguments.of(Bech32.encode("ltc", 0, bytes(20, 3), false), "another chain's hrp (ltc)"),
                Arguments.of("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "mixed case"),
                Arguments.of(legacyWithVersion(0x30), "a Litecoin version byte"),
                Arguments.of("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0", "a character outside Base58 (0)"),
                Arguments.of("11A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "an extra leading 1"),
                Arguments.of("xyz", "too short"),
                Arguments.of("0xbe0eb53f46cd790cd13851d5eff43d12404d33e8", "an Ethereum address"),
                Arguments.of("", "empty"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidAddresses")
    void invalidAddressesAreRejected(String address, String why) {
        assertThat(BitcoinAddress.pack(address)).as(why).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", "m", "2"})
    void legacyPrefixesFollowTheVersionByte(String prefix) {
        int version = switch (prefix) {
            case "1" -> 0x00;
            case "3" -> 0x05;
            case "m" -> 0x6f;
            default -> 0xc4;
        };
        String address = BitcoinAddress.legacy(version, bytes(20, 99));
        assertThat(address.startsWith(prefix) || (prefix.equals("m") && address.startsWith("n"))).as(address).isTrue();
    }

    @org.junit.jupiter.api.Test
    void aLookupWithABadLegacyChecksumNeverEqualsAStoredAddress() {
        String good = BitcoinAddress.legacy(0x00, bytes(20, 5));
        byte[] stored = BitcoinAddress.pack(good);
        String bad = good.substring(0, good.length() - 1) + (good.endsWith("z") ? "y" : "z");
        byte[] probe = BitcoinAddress.packForLookup(bad);
        assertThat(probe == null || !Arrays.equals(probe, stored)).isTrue();
    }

    static byte[] bytes(int length, int seed) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 31 + i * 17 + 1);
        }
        for (int i = 0; i < 4 && i < length; i++) {
            out[length - 1 - i] ^= (byte) (seed >>> (8 * i)); // distinct for every int seed
        }
        return out;
    }

    private static byte[] zeroFirst(byte[] b) {
        b[0] = 0;
        return b;
    }

    private static String legacyWithVersion(int version) {
        byte[] payload = new byte[21];
        payload[0] = (byte) version;
        System.arraycopy(bytes(20, 1), 0, payload, 1, 20);
        return Base58.encode(Base58.withChecksum(payload));
    }
}
