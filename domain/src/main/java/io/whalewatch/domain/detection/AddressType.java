package io.whalewatch.domain.detection;

import java.util.Locale;

/** The script type an address encodes, read from its prefix (enough to compare a change output with its inputs). */
final class AddressType {
    private AddressType() {
    }

    static String of(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.startsWith("bc1q") || a.startsWith("tb1q") || a.startsWith("bcrt1q")) {
            return a.length() > 50 ? "p2wsh" : "p2wpkh";
        }
        if (a.startsWith("bc1p") || a.startsWith("tb1p") || a.startsWith("bcrt1p")) {
            return "p2tr";
        }
        char c = address.charAt(0);
        if (c == '1' || c == 'm' || c == 'n') {
            return "p2pkh";
        }
        return c == '3' || c == '2' ? "p2sh" : "other";
    }
}
