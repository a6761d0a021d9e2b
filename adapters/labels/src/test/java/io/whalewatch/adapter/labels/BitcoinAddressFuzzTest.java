package io.whalewatch.adapter.labels;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the address codec (Base58Check and Bech32/Bech32m). Its contract: {@link BitcoinAddress#pack}
 * returns null for anything that is not an address and never throws.
 * <ul>
 *   <li>{@link #parse}: any text; when it packs, it unpacks to the canonical spelling (segwit in
 *       lower case), packs again to the same bytes, and the lookup form agrees.</li>
 *   <li>{@link #encode}: any version/hash or witness version/program that is valid encodes to an
 *       address that packs and unpacks back to itself.</li>
 * </ul>
 * Seeds: {@code src/test/resources/io/whalewatch/adapter/labels/BitcoinAddressFuzzTestInputs/<method>/}.
 */
class BitcoinAddressFuzzTest {
    private static final List<String> HRPS = List.of("bc", "tb", "bcrt");
    private static final int[] LEGACY_VERSIONS = {0x00, 0x05, 0x6f, 0xc4};

    // Per input (libFuzzer -timeout when fuzzing); generous because the first input of a run also
    // pays for loading and instrumenting the classes on a busy machine. The same on every method.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"bc1q", "bc1p", "tb1q", "bcrt1", "BC1Q", "1", "3", "m", "n", "2",
        "qpzry9x8gf2tvdw0s3jn54khce6mua7l", "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"})
    @FuzzTest(maxDuration = "10s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] packed = BitcoinAddress.pack(text);
        if (packed == null) {
            return;
        }
        String canonical = isSegwit(text) ? text.toLowerCase(Locale.ROOT) : text;
        check(BitcoinAddress.unpack(packed).equals(canonical), "unpack(pack(" + text + ")) differs");
        check(Arrays.equals(BitcoinAddress.pack(canonical), packed), "canonical spelling packs differently: " + text);
        check(Arrays.equals(BitcoinAddress.packForLookup(text), packed), "lookup form differs: " + text);
    }

    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "10s")
    void encode(byte[] input) {
        if (input.length < 3) {
            return;
        }
        String address;
        if ((input[0] & 1) == 0) {
            byte[] hash = Arrays.copyOf(Arrays.copyOfRange(input, 2, input.length), 20);
            address = BitcoinAddress.legacy(LEGACY_VERSIONS[(input[1] & 0xFF) % 4], hash);
        } else {
            int version = (input[1] & 0xFF) % 17;
            int length = version == 0 ? (input[0] & 2) == 0 ? 20 : 32 : 2 + (input[0] & 0xFF) % 39;
            byte[] program = Arrays.copyOf(Arrays.copyOfRange(input, 2, input.length), length);
            address = BitcoinAddress.segwit(HRPS.get(((input[0] & 0xFF) >> 1) % 3), version, program);
        }
        byte[] packed = BitcoinAddress.pack(address);
        check(packed != null, "a valid address does not pack: " + address);
        check(BitcoinAddress.unpack(packed).equals(address), "round trip changed " + address);
    }

    private static boolean isSegwit(String text) {
        char first = text.charAt(0);
        return first == 'b' || first == 'B' || first == 't' || first == 'T';
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
