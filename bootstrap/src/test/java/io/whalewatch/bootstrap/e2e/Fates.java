package io.whalewatch.bootstrap.e2e;

/**
 * What the ground truth says became of a whale, and whether a stored outcome agrees. Replacement
 * chains are followed: a whale whose replacement (or its replacement...) was mined counts as
 * confirmed at that height, unless the detector never saw the replacement, in which case REST
 * could only say "gone" and a provisional drop (or the replacement itself) is right.
 */
final class Fates {
    private Fates() {
    }

    /** {@code mined:H}, {@code replaced}, {@code replaced-mined:H}, {@code dropped} or {@code pending}. */
    static String expected(TruthLog truth, String txid) {
        if (truth.minedAt.containsKey(txid)) {
            return "mined:" + truth.minedAt.get(txid);
        }
        if (truth.replacedBy.containsKey(txid)) {
            String last = txid;
            for (int hops = 0; truth.replacedBy.containsKey(last) && hops < 100; hops++) {
                last = truth.replacedBy.get(last);
            }
            return truth.minedAt.containsKey(last) ? "replaced-mined:" + truth.minedAt.get(last) : "replaced";
        }
        return truth.dropped.contains(txid) ? "dropped" : "pending";
    }

    static boolean matches(String fate, StoredWhales.Outcome o) {
        if (fate.equals("pending")) {
            return o == null;
        }
        if (o == null) {
            return false;
        }
        boolean provisionalDrop = o.status().equals("dropped") && o.provisional();
        if (fate.startsWith("mined:")) {
            return o.status().equals("confirmed") && o.block() == Long.parseLong(fate.substring(6));
        }
        if (fate.startsWith("replaced-mined:")) {
            long h = Long.parseLong(fate.substring(15));
            return (o.status().equals("confirmed") && o.block() == h) || o.status().equals("replaced") || provisionalDrop;
        }
        if (fate.equals("replaced")) {
            return o.status().equals("replaced") || provisionalDrop;
        }
        return provisionalDrop;
    }
}
