package io.whalewatch.adapter.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTableTest {

    @Test
    void findsEveryAddedAddressAndNothingElseAcrossManyResizes() {
        AddressTableBuilder builder = new AddressTableBuilder();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            assertThat(builder.put(packed(i), "E" + (i % 7))).isEqualTo(AddressTableBuilder.Outcome.ADDED);
        }
        AddressTable table = builder.build();
        assertThat(table.size()).isEqualTo(n);
        assertThat(table.exchangeCount()).isEqualTo(7);
        for (int i = 0; i < n; i++) {
            assertThat(table.lookup(packed(i))).isEqualTo("E" + (i % 7));
        }
        for (int i = n; i < n + 5_000; i++) {
            assertThat(table.lookup(packed(i))).isNull();
        }
        assertThat(table.footprintBytes()).as("compact: under 60 bytes per address").isLessThan(60L * n);
    }

    @Test
    void aSecondPutReplacesOrConfirmsTheExchange() {
        AddressTableBuilder builder = new AddressTableBuilder();
        builder.put(packed(1), "A");
        assertThat(builder.put(packed(1), "A")).isEqualTo(AddressTableBuilder.Outcome.SAME);
        assertThat(builder.put(packed(1), "B")).isEqualTo(AddressTableBuilder.Outcome.REPLACED);
        AddressTable table = builder.build();
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.lookup(packed(1))).isEqualTo("B");
    }

    @Test
    void addressesOfDifferentLengthsAndAPrefixOfAnotherDoNotMatch() {
        AddressTableBuilder builder = new AddressTableBuilder();
        byte[] longer = BitcoinAddress.pack(Fixtures.p2tr(3));
        builder.put(longer, "A");
        AddressTable table = builder.build();
        assertThat(table.lookup(java.util.Arrays.copyOf(longer, 21))).isNull();
        assertThat(table.lookup(longer.clone())).isEqualTo("A");
    }

    @Test
    void anEmptyTableFindsNothing() {
        assertThat(AddressTable.empty().lookup(packed(1))).isNull();
        assertThat(AddressTable.empty().size()).isZero();
    }

    private static byte[] packed(int i) {
        return BitcoinAddress.pack(i % 2 == 0 ? Fixtures.p2sh(i) : Fixtures.p2wpkh(i));
    }
}
