package io.whalewatch.adapter.labels;

import java.util.Arrays;

/**
 * An immutable map from packed addresses to exchange ids, built once and then only read, so any
 * number of threads may look up without locks.
 *
 * <p>Layout (about 45 bytes per address instead of ~150 for a {@code HashMap<String, String>}):
 * the packed addresses back to back in one {@code byte[]} with an {@code int[]} of offsets, one
 * {@code char} exchange id per address, and an open-addressing (linear probing) {@code long[]} of
 * slots each holding the upper 32 bits of the address's 64-bit hash next to its index + 1. The
 * hash part rejects most non-matching slots without touching the address bytes; a hit is always
 * confirmed by comparing the bytes, so there are no false positives.
 */
final class AddressTable {
    private final String[] names;
    private final byte[] pool;
    private final int[] offsets;
    private final char[] exchangeIds;
    private final long[] slots;
    private final int size;

    AddressTable(String[] names, byte[] pool, int[] offsets, char[] exchangeIds, long[] slots, int size) {
        this.names = names;
        this.pool = pool;
        this.offsets = offsets;
        this.exchangeIds = exchangeIds;
        this.slots = slots;
        this.size = size;
    }

    static AddressTable empty() {
        return new AddressTableBuilder().build();
    }

    int size() {
        return size;
    }

    int exchangeCount() {
        return names.length;
    }

    String exchangeName(int id) {
        return names[id];
    }

    /** The exchange name for a packed address, or null. */
    String lookup(byte[] packed) {
        int index = find(slots, pool, offsets, packed);
        return index < 0 ? null : names[exchangeIds[index]];
    }

    int exchangeIdAt(int index) {
        return exchangeIds[index];
    }

    byte[] addressAt(int index) {
        return Arrays.copyOfRange(pool, offsets[index], offsets[index + 1]);
    }

    /** Approximate bytes held by the arrays (not counting names), for logs. */
    long footprintBytes() {
        return pool.length + 4L * offsets.length + 2L * exchangeIds.length + 8L * slots.length;
    }

    /** The table's arrays themselves (not copies), for {@link AddressBookCache} to write. */
    Layout layout() {
        return new Layout(names, pool, offsets, exchangeIds, slots, size);
    }

    /** The arrays a table is made of; see the class comment for what each holds. */
    record Layout(String[] names, byte[] pool, int[] offsets, char[] exchangeIds, long[] slots, int size) {
        /**
         * What makes these arrays unusable as a table (read back from a file), or null when they are
         * consistent: offsets that run backwards or outside the pool, exchange ids without a name,
         * slots that point past the entries or do not hold each entry exactly once.
         */
        String inconsistency() {
            if (offsets[0] != 0 || offsets[size] != pool.length) {
                return "address offsets do not span the address pool";
            }
            for (int i = 0; i < size; i++) {
                if (offsets[i + 1] < offsets[i]) {
                    return "address offsets run backwards at entry " + i;
                }
                if (exchangeIds[i] >= names.length) {
                    return "entry " + i + " names exchange " + (int) exchangeIds[i] + " of " + names.length;
                }
            }
            int used = 0;
            for (long slot : slots) {
                if (slot != 0) {
                    int index = (int) slot - 1;
                    if (index < 0 || index >= size) {
                        return "a slot points to entry " + index + " of " + size;
                    }
                    used++;
                }
            }
            return used == size ? null : used + " slots in use for " + size + " entries";
        }
    }

    /** The entry index of the address in the given arrays (shared with the builder), or -1. */
    static int find(long[] table, byte[] pool, int[] offsets, byte[] packed) {
        long hash = hash(packed, 0, packed.length);
        int mask = table.length - 1;
        long tag = hash & 0xFFFFFFFF00000000L;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            long value = table[slot];
            if (value == 0) {
                return -1;
            }
            if ((value & 0xFFFFFFFF00000000L) == tag) {
                int index = (int) value - 1;
                if (Arrays.equals(pool, offsets[index], offsets[index + 1], packed, 0, packed.length)) {
                    return index;
                }
            }
        }
    }

    /** FNV-1a over the bytes, then MurmurHash3's finaliser to spread the bits. */
    static long hash(byte[] bytes, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (bytes[i] & 0xFF)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
