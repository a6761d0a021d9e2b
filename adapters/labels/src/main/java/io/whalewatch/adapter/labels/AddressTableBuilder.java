package io.whalewatch.adapter.labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the arrays of an {@link AddressTable}. Single-threaded; a later {@link #put} of the same
 * address replaces its exchange (sources listed later win). Exchange names are interned into a
 * small table, so each address costs one {@code char} for its exchange.
 */
final class AddressTableBuilder {
    private static final double MAX_LOAD = 0.7;

    private final Map<String, Character> nameIds = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private byte[] pool = new byte[4096];
    private int poolSize;
    private int[] offsets = new int[129];
    private char[] exchangeIds = new char[128];
    private long[] slots = new long[256];
    private int size;

    /** What a put did. */
    enum Outcome { ADDED, SAME, REPLACED }

    int size() {
        return size;
    }

    Outcome put(byte[] packed, String exchange) {
        char id = intern(exchange);
        int existing = AddressTable.find(slots, pool, offsets, packed);
        if (existing >= 0) {
            char old = exchangeIds[existing];
            exchangeIds[existing] = id;
            return old == id ? Outcome.SAME : Outcome.REPLACED;
        }
        if (size + 1 > slots.length * MAX_LOAD) {
            rehash(slots.length * 2);
        }
        append(packed, id);
        insertSlot(slots, size - 1, AddressTable.hash(packed, 0, packed.length));
        return Outcome.ADDED;
    }

    /** The existing exchange of an address, or null: used to report conflicting labels. */
    String exchangeOf(byte[] packed) {
        int index = AddressTable.find(slots, pool, offsets, packed);
        return index < 0 ? null : names.get(exchangeIds[index]);
    }

    AddressTable build() {
        return new AddressTable(names.toArray(String[]::new), Arrays.copyOf(pool, poolSize),
                Arrays.copyOf(offsets, size + 1), Arrays.copyOf(exchangeIds, size), slots, size);
    }

    private char intern(String exchange) {
        Character id = nameIds.get(exchange);
        if (id == null) {
            if (names.size() == Character.MAX_VALUE) {
                throw new IllegalStateException("more than " + (int) Character.MAX_VALUE + " exchange names");
            }
            id = (char) names.size();
            nameIds.put(exchange, id);
            names.add(exchange);
        }
        return id;
    }

    private void append(byte[] packed, char id) {
        if (poolSize + packed.length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + packed.length));
        }
        System.arraycopy(packed, 0, pool, poolSize, packed.length);
        poolSize += packed.length;
        if (size == exchangeIds.length) {
            exchangeIds = Arrays.copyOf(exchangeIds, exchangeIds.length * 2);
            offsets = Arrays.copyOf(offsets, exchangeIds.length + 1);
        }
        exchangeIds[size] = id;
        size++;
        offsets[size] = poolSize;
    }

    private void rehash(int capacity) {
        long[] bigger = new long[capacity];
        for (int i = 0; i < size; i++) {
            insertSlot(bigger, i, AddressTable.hash(pool, offsets[i], offsets[i + 1]));
        }
        slots = bigger;
    }

    private static void insertSlot(long[] table, int index, long hash) {
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = (hash & 0xFFFFFFFF00000000L) | (index + 1L);
    }
}
