package io.whalewatch.application.fakes;

import io.whalewatch.application.port.out.AddressBook;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An address book backed by a map. */
public final class MapAddressBook implements AddressBook {
    private final Map<String, String> entries;

    public MapAddressBook(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    @Override
    public Optional<String> exchangeOf(String address) {
        return Optional.ofNullable(entries.get(address));
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public List<LabelledAddress> sample(int max) {
        return entries.entrySet().stream().limit(max).map(e -> new LabelledAddress(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void reload() {
    }
}
