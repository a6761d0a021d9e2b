package io.whalewatch.adapter.labels;

import io.whalewatch.application.port.out.AddressBook;
import io.whalewatch.application.spi.AdapterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The address book over an immutable {@link AddressTable}. Lookups read one volatile reference and
 * never lock; {@link #reload} builds a complete new table off to the side and swaps it in with a
 * single write, so readers see the old book or the new one, never a mix.
 */
final class LabelsAddressBook implements AddressBook {
    private static final Logger LOG = LoggerFactory.getLogger(LabelsAddressBook.class);
    private final Supplier<AddressTable> loader;
    private volatile AddressTable table;

    /** Loads at once. @throws AdapterException when a source is unreadable or malformed */
    LabelsAddressBook(Supplier<AddressTable> loader) {
        this.loader = loader;
        this.table = loader.get();
    }

    @Override
    public Optional<String> exchangeOf(String address) {
        byte[] packed = BitcoinAddress.packForLookup(address);
        return packed == null ? Optional.empty() : Optional.ofNullable(table.lookup(packed));
    }

    @Override
    public int size() {
        return table.size();
    }

    /**
     * Round robin over the exchanges in name order, each exchange's addresses in the order the
     * sources listed them: the same sources always give the same sample, and a small sample still
     * covers many exchanges.
     */
    @Override
    public List<LabelledAddress> sample(int max) {
        AddressTable current = table;
        List<List<Integer>> byExchange = new ArrayList<>();
        for (int i = 0; i < current.exchangeCount(); i++) {
            byExchange.add(new ArrayList<>());
        }
        for (int i = 0; i < current.size(); i++) {
            List<Integer> picks = byExchange.get(current.exchangeIdAt(i));
            if (picks.size() < max) {
                picks.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < current.exchangeCount(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(current::exchangeName));
        return roundRobin(current, byExchange, order, Math.max(0, max));
    }

    private static List<LabelledAddress> roundRobin(AddressTable t, List<List<Integer>> byExchange,
                                                    List<Integer> order, int max) {
        List<LabelledAddress> out = new ArrayList<>();
        for (int round = 0; out.size() < max; round++) {
            boolean any = false;
            for (int id : order) {
                List<Integer> picks = byExchange.get(id);
                if (round < picks.size() && out.size() < max) {
                    out.add(new LabelledAddress(BitcoinAddress.unpack(t.addressAt(picks.get(round))), t.exchangeName(id)));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return List.copyOf(out);
    }

    /** @throws AdapterException when a source fails; the current book stays in use */
    @Override
    public synchronized void reload() {
        AddressTable fresh;
        try {
            fresh = loader.get();
        } catch (RuntimeException e) {
            LOG.warn("address book reload failed, keeping the current {} addresses: {}", table.size(), e.getMessage());
            throw e instanceof AdapterException ae ? ae : new AdapterException("address book reload failed: " + e, e);
        }
        table = fresh;
    }
}
